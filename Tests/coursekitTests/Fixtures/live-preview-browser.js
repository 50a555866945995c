// Drives headless Chromium through the DevTools protocol for LivePreviewBrowserTests:
//   node --experimental-websocket live-preview-browser.js CHROMIUM BASE_URL REPOSITORY PROFILE
// It opens a lesson of the live preview, edits the lesson on disk and waits for the open page
// to reload itself with the new text, breaks the lesson and course.yaml and reads the findings,
// and answers the quiz. It prints one JSON object of what it saw; the Swift test asserts on it.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const [chromium, base, repository, profile] = process.argv.slice(2);
const seen = {};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class DevTools {
  constructor(url) {
    this.socket = new WebSocket(url);
    this.next = 0;
    this.pending = new Map();
    this.socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const waiter = message.id && this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(JSON.stringify(message.error)));
      else waiter.resolve(message.result);
    };
  }
  opened() {
    return new Promise((resolve, reject) => { this.socket.onopen = resolve; this.socket.onerror = reject; });
  }
  send(method, params = {}, sessionId = undefined) {
    const id = ++this.next;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

async function main() {
  const browser = spawn(chromium, [
    "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  try {
    const url = await new Promise((resolve, reject) => {
      let text = "";
      const timer = setTimeout(() => reject(new Error("chromium printed no DevTools address: " + text.slice(-2000))), 60000);
      browser.stderr.on("data", (chunk) => {
        text += chunk;
        const match = text.match(/DevTools listening on (ws:\/\/\S+)/);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      });
    });
    await drive(url);
  } finally {
    browser.kill("SIGKILL");
  }
}

async function drive(url) {
  const tools = new DevTools(url);
  await tools.opened();
  const lesson = base + "files/modules/first-steps/lessons/welcome.en.html";
  const { targetId } = await tools.send("Target.createTarget", { url: lesson });
  const { sessionId } = await tools.send("Target.attachToTarget", { targetId, flatten: true });
  const evaluate = async (expression) => {
    const reply = await tools.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, sessionId);
    return reply.result ? reply.result.value : undefined;
  };
  const waitFor = async (label, expression, timeout = 20000) => {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      try { if (await evaluate(expression)) { seen[label] = true; return true; } } catch (error) { /* the page is reloading */ }
      await sleep(150);
    }
    seen[label] = false;
    seen[label + "Text"] = await evaluate("document.body ? document.body.innerText : ''").catch(() => "");
    return false;
  };
  const text = (needle) => `(!!document.body && document.body.innerText.includes(${JSON.stringify(needle)}))`;
  const lessonFile = path.join(repository, "modules/first-steps/lessons/welcome.en.md");

  await waitFor("loaded", text("the first version"));
  await evaluate("window.ckMarker = 1");
  fs.writeFileSync(lessonFile, "# Welcome\n\nThis lesson is here to try the preview: the second version.\n");
  await waitFor("reloaded", `!window.ckMarker && ${text("the second version")}`);

  await evaluate("window.ckMarker = 2");
  fs.writeFileSync(lessonFile, "# Welcome\n\nSee [the next lesson](missing-lesson.md): the third version.\n");
  await waitFor("lessonFinding", `window.ckMarker !== 2 && ${text("broken-link")} && ${text("the third version")} && !!document.querySelector(".ck-findings")`);

  const courseFile = path.join(repository, "course.yaml");
  const course = fs.readFileSync(courseFile, "utf8");
  fs.writeFileSync(courseFile, "id: live-preview-demo\ntitle: [unclosed\n");
  await tools.send("Page.navigate", { url: base }, sessionId);
  await waitFor("courseFinding", `${text("yaml-syntax")} && ${text("course.yaml")}`);
  fs.writeFileSync(courseFile, course);
  await waitFor("courseFixed", `${text("Live preview — sample")} && !${text("yaml-syntax")}`);

  await tools.send("Page.navigate", { url: base + "files/modules/first-steps/quiz.en.html" }, sessionId);
  await waitFor("quizShown", `${text("Which is the cyber-fraud helpline?")} && !${text("The national cyber-crime helpline is 1930.")}`);
  seen.hiddenBefore = await evaluate("[].every.call(document.querySelectorAll('.ck-answer'), function (b) { return b.hidden; })");
  await evaluate(`(function () {
    document.querySelector("input[name='ck-q-1'][value='0']").click();
    document.querySelector("input[name='ck-q-2'][value='false']").click();
    document.querySelector("form.ck-preview-quiz button[type=submit]").click();
    return true; })()`);
  await waitFor("quizRevealed", `${text("2 of 2 correct.")} && ${text("The national cyber-crime helpline is 1930.")}`);

  await evaluate("document.querySelector('nav.ck-languages a[hreflang=hi]').click()");
  await waitFor("hindiQuiz", `document.documentElement.lang === "hi" && ${text("जमा करें")} && ${text("साइबर ठगी की हेल्पलाइन कौन-सी है?")}`);
}

main().then(
  () => { process.stdout.write(JSON.stringify(seen) + "\n"); process.exit(0); },
  (error) => { seen.error = String(error && error.stack || error); process.stdout.write(JSON.stringify(seen) + "\n"); process.exit(1); });
