/// The runtime every SCO and AU page loads as `coursekit/runtime.js`: plain JavaScript, no
/// framework, nothing from the network (cmi5 talks only to the LRS its launch URL names).
///
/// It finds the LMS the way each standard says (SCORM 1.2 `API` and SCORM 2004
/// `API_1484_11` by walking parent windows, then the opener's; cmi5 from the launch
/// parameters `endpoint`, `fetch`, `actor`, `registration`, `activityId`), initialises,
/// shows one lesson at a time and records progress (location, `suspend_data`, 2004
/// `cmi.progress_measure`), draws, shuffles, renders and scores the quiz (single and multiple
/// choice, true-false, fill-in, match) against salted hashes (`AnswerKey`), reports score and
/// status (best attempt counts; a pass is final), resumes from `suspend_data` (cmi5: a state
/// document), and on `pagehide` reports session time and terminates exactly once. Without an
/// LMS it works as a plain page and says so in a quiet status line.
///
/// | | SCORM 1.2 | SCORM 2004 | cmi5 |
/// | --- | --- | --- | --- |
/// | start | `LMSInitialize`, `lesson_status` not attempted → incomplete | `Initialize`, `completion_status` unknown → incomplete | fetch token, `LMS.LaunchData`, statement `initialized` |
/// | progress | `lesson_location`, `suspend_data`, `LMSCommit` | `location`, `suspend_data`, `progress_measure`, `Commit` | state document `PUT` |
/// | completed | `lesson_status` completed (no quiz) | `completion_status` completed | statement `completed` |
/// | quiz | `score.raw/min/max`, `lesson_status` passed/failed | `score.scaled/raw/min/max`, `success_status` | statement `passed`/`failed` with score |
/// | finish | `session_time`, `exit`, `LMSFinish` | `session_time`, `exit`, `Terminate` | statement `terminated` |
enum SCORMRuntimeScript {
    static let source = #"""
/* coursekit SCO runtime (SCORM 1.2, SCORM 2004 4th edition, cmi5). Plain JavaScript, no
   framework; loads nothing from the network (cmi5 talks only to the LRS its launch URL names).
   Answer keys are salted SHA-256 hashes: this deters casual reading of the page source, it is
   not security. */
(function () {
  "use strict";
  var doc = document;
  var settings = JSON.parse(doc.getElementById("ck-data").textContent);
  var words = settings.text;
  var quizSettings = settings.quiz;
  var lessonCount = settings.lessons;
  var pages = [].slice.call(doc.querySelectorAll(".ck-page"));
  var form = doc.getElementById("ck-form");
  var questions = form ? [].slice.call(form.querySelectorAll(".ck-q")) : [];
  var startedAt = Date.now();
  var state = { p: 0, s: "", a: 0, b: null, ok: false, d: null, r: null, c: false };
  var lms = null;
  var finished = false;
  var mastery = quizSettings && quizSettings.passMark != null ? quizSettings.passMark : null;

  /* ---- SHA-256 (FIPS 180-4) over UTF-8 ---- */
  var K = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
  function utf8(text) { return new TextEncoder().encode(text); }
  function sha256(bytes) {
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var length = bytes.length, size = ((length + 9 + 63) >> 6) << 6;
    var m = new Uint8Array(size);
    m.set(bytes);
    m[length] = 0x80;
    var high = Math.floor(length / 0x20000000), low = (length * 8) >>> 0;
    m[size - 8] = high >>> 24; m[size - 7] = (high >>> 16) & 255; m[size - 6] = (high >>> 8) & 255; m[size - 5] = high & 255;
    m[size - 4] = low >>> 24; m[size - 3] = (low >>> 16) & 255; m[size - 2] = (low >>> 8) & 255; m[size - 1] = low & 255;
    var w = new Array(64);
    for (var i = 0; i < size; i += 64) {
      var t;
      for (t = 0; t < 16; t++) w[t] = (m[i + 4 * t] << 24) | (m[i + 4 * t + 1] << 16) | (m[i + 4 * t + 2] << 8) | m[i + 4 * t + 3];
      for (t = 16; t < 64; t++) {
        var x = w[t - 15], y = w[t - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    var out = new Uint8Array(32);
    for (var j = 0; j < 8; j++) { out[4 * j] = H[j] >>> 24; out[4 * j + 1] = (H[j] >>> 16) & 255; out[4 * j + 2] = (H[j] >>> 8) & 255; out[4 * j + 3] = H[j] & 255; }
    return out;
  }
  function hex(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return s;
  }
  function keyOf(salt, response) { return hex(sha256(utf8(salt + "|" + response))).slice(0, 24); }
  function reveal(encoded, salt) {
    var raw = atob(encoded), out = new Uint8Array(raw.length), i = 0;
    for (var block = 0; i < raw.length; block++) {
      var stream = sha256(utf8(salt + "|x|" + block));
      for (var j = 0; j < 32 && i < raw.length; j++, i++) out[i] = raw.charCodeAt(i) ^ stream[j];
    }
    return new TextDecoder().decode(out);
  }
  function normalizeTyped(text) { return text.normalize("NFC").toLowerCase().trim().split(/\s+/).join(" "); }

  /* ---- questions ---- */
  function find(qid) {
    for (var i = 0; i < questions.length; i++) if (questions[i].getAttribute("data-qid") === qid) return questions[i];
    return null;
  }
  function responseOf(q) {
    var type = q.getAttribute("data-type");
    if (type === "fill-in") return q.querySelector("input[type=text]").value;
    if (type === "match") {
      var parts = [];
      [].forEach.call(q.querySelectorAll("select"), function (select, i) { if (select.value !== "") parts.push(i + ">" + select.value); });
      return parts.join(",");
    }
    var picked = [];
    [].forEach.call(q.querySelectorAll("input"), function (input) { if (input.checked) picked.push(input.value); });
    return picked.join(",");
  }
  function setResponse(q, response) {
    var type = q.getAttribute("data-type");
    if (type === "fill-in") { q.querySelector("input[type=text]").value = response; return; }
    if (type === "match") {
      var selects = q.querySelectorAll("select");
      response.split(",").forEach(function (part) {
        var pair = part.split(">");
        if (selects[+pair[0]]) selects[+pair[0]].value = pair[1];
      });
      return;
    }
    var picked = response.split(",");
    [].forEach.call(q.querySelectorAll("input"), function (input) { input.checked = picked.indexOf(input.value) >= 0; });
  }
  function answered(q) {
    var type = q.getAttribute("data-type"), response = responseOf(q);
    if (type === "match") return response.split(",").length === q.querySelectorAll("select").length && response !== "";
    return response.trim() !== "";
  }
  /* The share (0…1) of a question's points a response earns. */
  function credit(q, response) {
    var type = q.getAttribute("data-type"), salt = q.getAttribute("data-salt");
    var keys = q.getAttribute("data-key").split(" ");
    if (type === "match") {
      var right = 0;
      response.split(",").forEach(function (part) {
        var index = +part.split(">")[0];
        if (part && keys[index] === keyOf(salt, part)) right++;
      });
      return keys.length ? right / keys.length : 0;
    }
    if (type === "fill-in") response = normalizeTyped(response);
    if (type === "multiple-choice") response = response.split(",").filter(Boolean).map(Number).sort(function (x, y) { return x - y; }).join(",");
    return keys.indexOf(keyOf(salt, response)) >= 0 ? 1 : 0;
  }
  function drawn() {
    return questions.filter(function (q) { return !q.hidden; });
  }
  function arrange(ids) {
    questions.forEach(function (q) { q.hidden = true; q.disabled = true; });
    ids.forEach(function (id, n) {
      var q = find(id);
      if (!q) return;
      q.hidden = false; q.disabled = false;
      form.insertBefore(q, doc.getElementById("ck-submit").parentNode);
      q.querySelector(".ck-num").textContent = (n + 1) + ".";
    });
  }
  function newDraw() {
    var ids = questions.map(function (q) { return q.getAttribute("data-qid"); });
    if (quizSettings.shuffle || quizSettings.draw < ids.length) {
      for (var i = ids.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var k = ids[i]; ids[i] = ids[j]; ids[j] = k; }
    }
    if (!quizSettings.shuffle) {
      var order = questions.map(function (q) { return q.getAttribute("data-qid"); });
      ids = ids.slice(0, quizSettings.draw).sort(function (x, y) { return order.indexOf(x) - order.indexOf(y); });
    }
    return ids.slice(0, quizSettings.draw);
  }
  function shuffleOptions() {
    if (!quizSettings.shuffle) return;
    questions.forEach(function (q) {
      var type = q.getAttribute("data-type");
      if (type !== "single-choice" && type !== "multiple-choice") return;
      var labels = [].slice.call(q.querySelectorAll(".ck-option")), anchor = q.querySelector(".ck-feedback");
      for (var i = labels.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var k = labels[i]; labels[i] = labels[j]; labels[j] = k; }
      labels.forEach(function (label) { q.insertBefore(label, anchor); });
    });
  }

  /* ---- progress ---- */
  function seen(i) { return state.s.charAt(i) === "1"; }
  function lessonsSeen() { var n = 0; for (var i = 0; i < lessonCount; i++) if (seen(i)) n++; return n; }
  function isCompleted() { return lessonsSeen() === lessonCount && (!quizSettings || state.a > 0); }
  function measure() {
    var total = lessonCount + (quizSettings ? 1 : 0);
    return total ? (lessonsSeen() + (quizSettings && state.a > 0 ? 1 : 0)) / total : 1;
  }
  function serialize(limit) {
    var copy = { p: state.p, s: state.s, a: state.a, b: state.b, ok: state.ok, d: state.d, r: state.r, c: state.c };
    var text = JSON.stringify(copy);
    if (limit && text.length > limit) { copy.r = null; text = JSON.stringify(copy); }
    return text;
  }
  function save() {
    var completedNow = !state.c && isCompleted();
    if (completedNow) state.c = true;
    if (lms) lms.progress({ location: String(state.p), measure: measure(), completed: state.c, completedNow: completedNow, hasQuiz: !!quizSettings, suspend: serialize });
  }
  function say(id, text) { var node = doc.getElementById(id); if (node) node.textContent = text; }
  function showPage(index) {
    index = Math.max(0, Math.min(pages.length - 1, index));
    state.p = index;
    pages.forEach(function (page, i) { page.hidden = i !== index; });
    [].forEach.call(doc.querySelectorAll(".ck-toc a"), function (link) {
      var n = +link.getAttribute("data-page");
      if (n === index) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    });
    if (index < lessonCount && !seen(index)) {
      while (state.s.length < lessonCount) state.s += "0";
      state.s = state.s.slice(0, index) + "1" + state.s.slice(index + 1);
    }
    [].forEach.call(doc.querySelectorAll(".ck-toc li"), function (item, i) { item.className = seen(i) ? "ck-seen" : ""; });
    say("ck-pos", words.position.replace("{n}", index + 1).replace("{total}", pages.length));
    doc.getElementById("ck-prev").disabled = index === 0;
    doc.getElementById("ck-next").disabled = index === pages.length - 1;
    doc.getElementById("ck-bar").style.width = Math.round(measure() * 100) + "%";
    save();
    if (pages[index] && pages[index].scrollIntoView) window.scrollTo(0, 0);
  }

  /* ---- quiz ---- */
  function showFeedback(results) {
    drawn().forEach(function (q) {
      var share = results[q.getAttribute("data-qid")], box = q.querySelector(".ck-feedback");
      q.className = "ck-q " + (share === 1 ? "ck-right" : "ck-wrong");
      box.hidden = false;
      box.textContent = (share === 1 ? words.correct : words.incorrect) + " " + reveal(q.getAttribute("data-explain"), q.getAttribute("data-salt"));
    });
  }
  function clearFeedback() {
    questions.forEach(function (q) { q.className = "ck-q"; var box = q.querySelector(".ck-feedback"); box.hidden = true; box.textContent = ""; });
    say("ck-result", "");
  }
  function attemptsLeft() { return !quizSettings.maxAttempts || state.a < quizSettings.maxAttempts; }
  function resultText(score, passed) {
    if (mastery == null) return words.scored.replace("{score}", score);
    return words[passed ? "passed" : "failed"].replace("{score}", score).replace("{mark}", mastery);
  }
  function submit(event) {
    if (event) event.preventDefault();
    var list = drawn();
    if (!list.every(answered)) { say("ck-result", words.unanswered); return; }
    var earned = 0, total = 0, results = {}, responses = {};
    list.forEach(function (q) {
      var points = parseFloat(q.getAttribute("data-points")) || 1, id = q.getAttribute("data-qid"), response = responseOf(q);
      var share = credit(q, response);
      results[id] = share; responses[id] = response;
      earned += share * points; total += points;
    });
    var score = total ? Math.round(earned / total * 10000) / 100 : 0;
    var passed = mastery == null ? true : score >= mastery;
    state.a += 1;
    state.r = responses;
    state.b = state.b == null ? score : Math.max(state.b, score);
    var firstPass = passed && !state.ok;
    state.ok = state.ok || passed;
    [].forEach.call(form.querySelectorAll("input,select,button[type=submit]"), function (el) { el.disabled = true; });
    showFeedback(results);
    say("ck-result", resultText(score, passed) + (!passed && !attemptsLeft() ? " " + words.noAttempts : ""));
    doc.getElementById("ck-retry").hidden = state.ok || !attemptsLeft();
    if (lms) lms.result({ score: state.b, attemptScore: score, passed: state.ok, attemptPassed: passed, firstPass: firstPass, hasMastery: mastery != null, mastery: mastery });
    save();
  }
  function retry() {
    clearFeedback();
    state.r = null;
    state.d = newDraw();
    arrange(state.d);
    shuffleOptions();
    [].forEach.call(form.querySelectorAll("input,select,button"), function (el) {
      el.disabled = false;
      if (el.type === "radio" || el.type === "checkbox") el.checked = false; else if (el.tagName !== "BUTTON") el.value = "";
    });
    doc.getElementById("ck-retry").hidden = true;
    save();
  }

  /* ---- finding the LMS ---- */
  function scan(win, name) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win[name]) return win[name]; } catch (e) { return null; }
      var parent;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  function findAPI(name) {
    var api = scan(window, name);
    try { if (!api && window.opener) api = scan(window.opener, name); } catch (e) {}
    try { if (!api && window.top && window.top.opener) api = scan(window.top.opener, name); } catch (e) {}
    return api;
  }
  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
  function scorm12Time(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(s.toFixed(2), 5);
  }
  function isoDuration(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s.toFixed(2) + "S";
  }
  function number(value) { return String(Math.round(value * 10000) / 10000); }

  function scorm12(api) {
    function get(key) { return String(api.LMSGetValue(key) || ""); }
    function set(key, value) { api.LMSSetValue(key, String(value)); }
    return {
      start: function () {
        if (String(api.LMSInitialize("")) !== "true") return null;
        var status = get("cmi.core.lesson_status");
        if (status === "" || status === "not attempted") set("cmi.core.lesson_status", "incomplete");
        var score = parseFloat(get("cmi.student_data.mastery_score"));
        return { entry: get("cmi.core.entry"), suspend: get("cmi.suspend_data"), location: get("cmi.core.lesson_location"), mastery: isNaN(score) ? null : score };
      },
      progress: function (p) {
        set("cmi.core.lesson_location", p.location);
        set("cmi.suspend_data", p.suspend(4096));
        if (p.completedNow && !p.hasQuiz) set("cmi.core.lesson_status", "completed");
        api.LMSCommit("");
      },
      result: function (r) {
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.score.raw", number(r.score));
        set("cmi.core.lesson_status", r.passed ? "passed" : (r.hasMastery ? "failed" : "completed"));
        api.LMSCommit("");
      },
      finish: function (f) {
        set("cmi.suspend_data", f.suspend(4096));
        set("cmi.core.session_time", scorm12Time(f.seconds));
        set("cmi.core.exit", f.completed ? "" : "suspend");
        api.LMSCommit("");
        api.LMSFinish("");
      }
    };
  }

  function scorm2004(api) {
    function get(key) { return String(api.GetValue(key) || ""); }
    function set(key, value) { api.SetValue(key, String(value)); }
    return {
      start: function () {
        if (String(api.Initialize("")) !== "true") return null;
        var status = get("cmi.completion_status");
        if (status === "" || status === "unknown" || status === "not attempted") set("cmi.completion_status", "incomplete");
        var scaled = parseFloat(get("cmi.scaled_passing_score"));
        return { entry: get("cmi.entry"), suspend: get("cmi.suspend_data"), location: get("cmi.location"), mastery: isNaN(scaled) ? null : scaled * 100 };
      },
      progress: function (p) {
        set("cmi.location", p.location);
        set("cmi.suspend_data", p.suspend(64000));
        set("cmi.progress_measure", number(p.measure));
        if (p.completedNow) set("cmi.completion_status", "completed");
        api.Commit("");
      },
      result: function (r) {
        set("cmi.score.scaled", number(r.score / 100));
        set("cmi.score.raw", number(r.score));
        set("cmi.score.min", "0");
        set("cmi.score.max", "100");
        if (r.hasMastery) set("cmi.success_status", r.passed ? "passed" : "failed");
        api.Commit("");
      },
      finish: function (f) {
        set("cmi.suspend_data", f.suspend(64000));
        set("cmi.session_time", isoDuration(f.seconds));
        set("cmi.exit", f.completed ? "normal" : "suspend");
        api.Commit("");
        api.Terminate("");
      }
    };
  }

  function cmi5(params) {
    var endpoint = params.get("endpoint").replace(/\/?$/, "/");
    var activityId = params.get("activityId"), registration = params.get("registration");
    var actor = JSON.parse(params.get("actor"));
    var token = "", launch = {}, chain = Promise.resolve(), completedSent = false, passedSent = false;
    var stateId = "https://coursekit.invalid/state/progress";
    function headers() { return { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" }; }
    function stateURL(id) {
      return endpoint + "activities/state?stateId=" + encodeURIComponent(id) + "&activityId=" + encodeURIComponent(activityId) +
        "&agent=" + encodeURIComponent(JSON.stringify(actor)) + "&registration=" + encodeURIComponent(registration);
    }
    function uuid() {
      var b = new Uint8Array(16);
      crypto.getRandomValues(b);
      b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
      var h = hex(b);
      return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }
    function statement(verb, result, moveOn) {
      var context = JSON.parse(JSON.stringify(launch.contextTemplate || {}));
      context.registration = registration;
      context.contextActivities = context.contextActivities || {};
      var category = (context.contextActivities.category || []).slice();
      category.push({ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5", objectType: "Activity" });
      if (moveOn) category.push({ id: "https://w3id.org/xapi/cmi5/context/categories/moveon", objectType: "Activity" });
      context.contextActivities.category = category;
      var body = {
        id: uuid(), timestamp: new Date().toISOString(), actor: actor,
        verb: { id: "http://adlnet.gov/expapi/verbs/" + verb, display: { "en-US": verb } },
        object: { objectType: "Activity", id: activityId }, context: context
      };
      if (result) body.result = result;
      return body;
    }
    function send(verb, result, moveOn, keepalive) {
      var body = statement(verb, result, moveOn);
      chain = chain.then(function () {
        return fetch(endpoint + "statements", { method: "POST", headers: headers(), body: JSON.stringify(body), keepalive: !!keepalive });
      }).catch(function () {});
      return chain;
    }
    function normal() { return !launch.launchMode || launch.launchMode === "Normal"; }
    function elapsed() { return isoDuration((Date.now() - startedAt) / 1000); }
    return {
      start: function () {
        return fetch(params.get("fetch"), { method: "POST" }).then(function (response) { return response.json(); }).then(function (json) {
          token = json["auth-token"];
          return fetch(stateURL("LMS.LaunchData"), { headers: headers() });
        }).then(function (response) { return response.json(); }).then(function (data) {
          launch = data || {};
          return fetch(stateURL(stateId), { headers: headers() }).then(function (response) { return response.ok ? response.text() : ""; }, function () { return ""; });
        }).then(function (suspend) {
          return send("initialized").then(function () {
            return { entry: suspend ? "resume" : "ab-initio", suspend: suspend, location: "", mastery: launch.masteryScore != null ? launch.masteryScore * 100 : null };
          });
        });
      },
      progress: function (p) {
        var text = p.suspend();
        chain = chain.then(function () { return fetch(stateURL(stateId), { method: "PUT", headers: headers(), body: text }); }).catch(function () {});
        if (p.completedNow && normal() && !completedSent) {
          completedSent = true;
          send("completed", { completion: true, duration: elapsed() }, true);
        }
      },
      result: function (r) {
        if (!normal() || !r.hasMastery || passedSent) return;
        if (r.attemptPassed) passedSent = true;
        send(r.attemptPassed ? "passed" : "failed", { score: { scaled: Math.round(r.attemptScore * 100) / 10000, raw: r.attemptScore, min: 0, max: 100 }, success: r.attemptPassed, duration: elapsed() }, true);
      },
      finish: function (f) {
        var text = f.suspend();
        fetch(stateURL(stateId), { method: "PUT", headers: headers(), body: text, keepalive: true }).catch(function () {});
        send("terminated", { duration: isoDuration(f.seconds) }, false, true);
      }
    };
  }

  function adapter() {
    if (settings.format === "cmi5") {
      var params = new URLSearchParams(window.location.search);
      return params.get("endpoint") && params.get("fetch") && params.get("actor") ? cmi5(params) : null;
    }
    var api = findAPI(settings.format === "scorm2004" ? "API_1484_11" : "API");
    if (!api) return null;
    return settings.format === "scorm2004" ? scorm2004(api) : scorm12(api);
  }

  function finish() {
    if (finished || !lms) return;
    finished = true;
    lms.finish({ seconds: (Date.now() - startedAt) / 1000, completed: isCompleted(), suspend: serialize });
  }

  function begin(info) {
    if (info && info.suspend) {
      try {
        var saved = JSON.parse(info.suspend);
        if (saved && typeof saved === "object") for (var key in state) if (saved.hasOwnProperty(key)) state[key] = saved[key];
      } catch (e) {}
    }
    if (info && info.mastery != null) mastery = info.mastery;
    if (form) {
      if (!state.d) state.d = newDraw();
      arrange(state.d);
      shuffleOptions();
      if (state.r) Object.keys(state.r).forEach(function (id) { var q = find(id); if (q) setResponse(q, state.r[id]); });
      if (state.a > 0 && state.r) {
        var results = {};
        drawn().forEach(function (q) { results[q.getAttribute("data-qid")] = credit(q, responseOf(q)); });
        [].forEach.call(form.querySelectorAll("input,select,button[type=submit]"), function (el) { el.disabled = true; });
        showFeedback(results);
        say("ck-result", resultText(state.b, state.ok));
        doc.getElementById("ck-retry").hidden = state.ok || !attemptsLeft();
      } else if (state.a > 0) {
        say("ck-result", resultText(state.b, state.ok));
      }
      form.addEventListener("submit", submit);
      doc.getElementById("ck-retry").addEventListener("click", retry);
    }
    var start = +state.p || 0;
    var target = window.location.hash ? doc.getElementById(window.location.hash.slice(1)) : null;
    if (!(info && info.suspend) && target && target.hasAttribute("data-page")) start = +target.getAttribute("data-page");
    showPage(start);
  }

  doc.documentElement.className += " ck-js";
  doc.getElementById("ck-prev").addEventListener("click", function () { showPage(state.p - 1); });
  doc.getElementById("ck-next").addEventListener("click", function () { showPage(state.p + 1); });
  [].forEach.call(doc.querySelectorAll(".ck-toc a"), function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); showPage(+link.getAttribute("data-page")); });
  });
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.coursekit = {
    /* The share of a question's points a response earns (the same check the quiz uses). */
    credit: function (qid, response) { var q = find(qid); return q ? credit(q, response) : 0; },
    finish: finish,
    state: function () { return JSON.parse(serialize()); }
  };
  var candidate = adapter();
  if (!candidate) {
    say("ck-status", words.offline);
    begin(null);
    return;
  }
  var started;
  try { started = candidate.start(); } catch (e) { started = null; }
  Promise.resolve(started).then(function (info) {
    if (info) { lms = candidate; say("ck-status", words.connected); } else { say("ck-status", words.offline); }
    begin(info);
  }, function () {
    say("ck-status", words.offline);
    begin(null);
  });
})();
"""#
}
