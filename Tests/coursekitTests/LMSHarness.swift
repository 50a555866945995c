/// The test page of the SCORM browser tests: a fake LMS whose SCORM 1.2 `API` and SCORM 2004
/// `API_1484_11` objects record every call (and keep the values set, so a second session
/// resumes from the first), and a driver that plays the sessions in `__CONFIG__`: open the SCO
/// in an iframe, turn pages, open the quiz, answer every question correctly or wrongly (it
/// finds the right response by asking the page's own checker, `coursekit.credit`, since the
/// answer key is hashed; fill-in answers come from the test), submit, then leave the page so
/// the SCO finishes. When done it writes `{calls, store, notes}` as JSON into `#ck-log`,
/// which the test reads from `chromium --dump-dom`.
enum LMSHarness {
    static let page = #"""
<!doctype html>
<html><head><meta charset="utf-8"><title>coursekit test LMS</title></head>
<body>
<pre id="ck-log"></pre>
<script>
/* A fake LMS for coursekit's browser tests: the SCORM 1.2 API and the SCORM 2004 API_1484_11
   record every call; a driver reads the lessons and answers the quiz. */
var CONFIG = __CONFIG__;
var calls = [], store = {}, session = 0;
function record(name, args, result) { calls.push({ s: session, f: name, a: args, r: result }); return result; }
var defaults12 = { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio", "cmi.suspend_data": "", "cmi.core.lesson_location": "", "cmi.student_data.mastery_score": CONFIG.mastery == null ? "" : String(CONFIG.mastery) };
var defaults2004 = { "cmi.completion_status": "unknown", "cmi.success_status": "unknown", "cmi.entry": "ab-initio", "cmi.suspend_data": "", "cmi.location": "", "cmi.scaled_passing_score": CONFIG.mastery == null ? "" : String(CONFIG.mastery / 100) };
function getter(defaults) { return function (key) { return key in store ? store[key] : (key in defaults ? defaults[key] : ""); }; }
window.API = {
  LMSInitialize: function (a) { return record("LMSInitialize", [a], "true"); },
  LMSFinish: function (a) { return record("LMSFinish", [a], "true"); },
  LMSGetValue: function (k) { return record("LMSGetValue", [k], getter(defaults12)(k)); },
  LMSSetValue: function (k, v) { store[k] = v; return record("LMSSetValue", [k, v], "true"); },
  LMSCommit: function (a) { return record("LMSCommit", [a], "true"); },
  LMSGetLastError: function () { return "0"; }, LMSGetErrorString: function () { return ""; }, LMSGetDiagnostic: function () { return ""; }
};
window.API_1484_11 = {
  Initialize: function (a) { return record("Initialize", [a], "true"); },
  Terminate: function (a) { return record("Terminate", [a], "true"); },
  GetValue: function (k) { return record("GetValue", [k], getter(defaults2004)(k)); },
  SetValue: function (k, v) { store[k] = v; return record("SetValue", [k, v], "true"); },
  Commit: function (a) { return record("Commit", [a], "true"); },
  GetLastError: function () { return "0"; }, GetErrorString: function () { return ""; }, GetDiagnostic: function () { return ""; }
};
var frame, steps = [], notes = [];
function later(fn) { steps.push(fn); }
function run() { var fn = steps.shift(); if (!fn) return done(); setTimeout(function () { try { fn(); } catch (e) { notes.push("driver error: " + e); } run(); }, 200); }
function done() { document.getElementById("ck-log").textContent = JSON.stringify({ calls: calls, store: store, notes: notes }); }
function subsets(n) { var out = []; for (var mask = 1; mask < (1 << n); mask++) { var s = []; for (var i = 0; i < n; i++) if (mask & (1 << i)) s.push(i); out.push(s); } return out; }
function answer(doc, win, correct) {
  [].forEach.call(doc.querySelectorAll(".ck-q"), function (q) {
    if (q.hidden) return;
    var id = q.getAttribute("data-qid"), type = q.getAttribute("data-type");
    var want = function (share) { return correct ? share === 1 : share === 0; };
    if (type === "fill-in") { q.querySelector("input").value = correct ? CONFIG.fill[id] : "zzz"; return; }
    if (type === "match") {
      [].forEach.call(q.querySelectorAll("select"), function (select, i) {
        var values = [].map.call(select.options, function (o) { return o.value; }).filter(Boolean);
        var pick = values.filter(function (v) { return (win.coursekit.credit(id, i + ">" + v) > 0) === correct; })[0];
        select.value = pick;
      });
      return;
    }
    var inputs = [].slice.call(q.querySelectorAll("input"));
    var values = inputs.map(function (i) { return i.value; });
    var choices = type === "multiple-choice" ? subsets(values.length).map(function (s) { return s.map(function (i) { return values[i]; }); }) : values.map(function (v) { return [v]; });
    var chosen = choices.filter(function (c) { return want(win.coursekit.credit(id, c.slice().sort().join(","))); })[0] || [];
    inputs.forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
  });
}
function plan(spec) {
  later(function () { session += 1; store["cmi.core.entry"] = store["cmi.core.exit"] === "suspend" ? "resume" : ""; store["cmi.entry"] = store["cmi.exit"] === "suspend" ? "resume" : ""; if (CONFIG.beforeLaunch) { var x = new XMLHttpRequest(); x.open("GET", CONFIG.beforeLaunch, false); x.send(); } frame = document.createElement("iframe"); frame.src = CONFIG.page; document.body.appendChild(frame); });
  later(function () { notes.push("session " + session + " status: " + frame.contentDocument.getElementById("ck-status").textContent + " | position: " + frame.contentDocument.getElementById("ck-pos").textContent); });
  for (var i = 0; i < spec.next; i++) later(function () { frame.contentDocument.getElementById("ck-next").click(); });
  if (spec.quiz) {
    later(function () { var link = frame.contentDocument.querySelector(".ck-toc a[href='#ck-quiz']"); link.click(); });
    later(function () { answer(frame.contentDocument, frame.contentWindow, spec.quiz === "correct"); });
    later(function () { frame.contentDocument.getElementById("ck-submit").click(); });
    later(function () {
      var d = frame.contentDocument;
      notes.push("result: " + d.getElementById("ck-result").textContent);
      var shown = [].filter.call(d.querySelectorAll(".ck-q"), function (q) { return !q.hidden; });
      notes.push("types: " + shown.map(function (q) { return q.getAttribute("data-type"); }).join(","));
      notes.push("feedback: " + shown.map(function (q) { return q.querySelector(".ck-feedback").textContent; }).join(" | "));
    });
  }
  if (spec.retry) {
    later(function () { frame.contentDocument.getElementById("ck-retry").click(); });
    later(function () { answer(frame.contentDocument, frame.contentWindow, spec.retry === "correct"); });
    later(function () { frame.contentDocument.getElementById("ck-submit").click(); });
    later(function () { notes.push("retry result: " + frame.contentDocument.getElementById("ck-result").textContent); });
  }
  later(function () { frame.src = "about:blank"; });
  later(function () { frame.remove(); });
}
if (CONFIG.seed) store["cmi.suspend_data"] = CONFIG.seed;
CONFIG.sessions.forEach(plan);
run();
</script>
</body></html>
"""#
}
