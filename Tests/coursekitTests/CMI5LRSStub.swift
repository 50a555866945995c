/// A small LRS and cmi5 LMS stand-in (node, no packages) for the cmi5 browser test.
enum CMI5LRSStub {
    static let script = #"""
// A small LRS and cmi5 LMS stand-in for coursekit's tests: serves the unpacked package,
// answers the fetch URL with an auth token, keeps state documents (LMS.LaunchData is made for
// every registration), records every statement with the headers it came with, and writes
// them to a file after each one. The LMS's own "launched" statement is recorded when the
// launch page is requested. Usage: node stub.js ROOT STATEMENTS_FILE PORT_FILE MASTERY
"use strict";
const http = require("http"), fs = require("fs"), path = require("path");
const [root, statementsFile, portFile, mastery] = process.argv.slice(2);
const token = Buffer.from("coursekit-test:secret").toString("base64");
const statements = [], states = {}, fetched = {};
function save() { fs.writeFileSync(statementsFile, JSON.stringify(statements, null, 1)); }
function launchData(activityId, registration) {
  return {
    contextTemplate: {
      contextActivities: { grouping: [{ objectType: "Activity", id: activityId }] },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "session-" + registration }
    },
    launchMode: "Normal", launchMethod: "AnyWindow", moveOn: "CompletedAndPassed", masteryScore: Number(mastery)
  };
}
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml" };
http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    const send = (status, data, type) => { res.writeHead(status, { "Content-Type": type || "application/json" }); res.end(data); };
    if (url.pathname === "/fetch" && req.method === "POST") {
      fetched[url.searchParams.get("registration") || ""] = true;
      return send(200, JSON.stringify({ "auth-token": token }));
    }
    if (url.pathname.startsWith("/xapi/")) {
      const authorised = req.headers.authorization === "Basic " + token;
      if (url.pathname === "/xapi/statements" && (req.method === "POST" || req.method === "PUT")) {
        let parsed;
        try { parsed = JSON.parse(body); } catch (e) { return send(400, "{}"); }
        for (const statement of Array.isArray(parsed) ? parsed : [parsed]) {
          statements.push({ by: "au", authorised, version: req.headers["x-experience-api-version"] || "", statement });
        }
        save();
        return send(200, JSON.stringify((Array.isArray(parsed) ? parsed : [parsed]).map((s) => s.id)));
      }
      if (url.pathname === "/xapi/activities/state") {
        const key = [url.searchParams.get("stateId"), url.searchParams.get("activityId"), url.searchParams.get("registration")].join("|");
        if (req.method === "GET") {
          if (url.searchParams.get("stateId") === "LMS.LaunchData") {
            return send(authorised ? 200 : 401, JSON.stringify(launchData(url.searchParams.get("activityId"), url.searchParams.get("registration"))));
          }
          return key in states ? send(200, states[key], "application/octet-stream") : send(404, "");
        }
        states[key] = body;
        return send(204, "");
      }
      return send(404, "{}");
    }
    if (url.pathname === "/launched") {
      // The LMS's "launched" statement, recorded before the AU opens.
      statements.push({ by: "lms", authorised: true, statement: { verb: { id: "http://adlnet.gov/expapi/verbs/launched" }, context: { registration: url.searchParams.get("registration") } } });
      save();
      return send(204, "");
    }
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[\/\\])+/, ""));
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return send(404, "", "text/plain");
    send(200, fs.readFileSync(file), types[path.extname(file)] || "application/octet-stream");
  });
}).listen(0, "127.0.0.1", function () {
  fs.writeFileSync(portFile, String(this.address().port));
});
"""#
}
