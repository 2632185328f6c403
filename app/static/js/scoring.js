// Scoring sheet: autosave (debounced, on blur and when the tab is hidden), Enter moves on.
(function () {
  "use strict";
  var form = document.getElementById("score-form");
  if (!form || form.dataset.locked) { return; }
  var url = form.dataset.autosaveUrl;
  var status = document.getElementById("save-status");
  var version = document.getElementById("sheet-version");
  var token = form.querySelector("input[name=csrf_token]");
  var csrf = token ? token.value : "";  // absent when CSRF protection is off (tests)
  var inputs = Array.prototype.slice.call(form.querySelectorAll(".score-input"));
  var comment = document.getElementById("comment");
  var dirty = {}, commentDirty = false, timer = null, inFlight = false, again = false, pendingSubmit = null;

  function show(text) { if (status) { status.textContent = text; } }
  function markError(name, message) {
    var el = document.getElementById(name), err = document.getElementById(name + "-err");
    if (!el) { return; }
    el.classList.toggle("is-invalid", !!message);
    if (err) { err.textContent = message || ""; }
  }

  function payload() {
    var values = {};
    Object.keys(dirty).forEach(function (name) { values[name] = document.getElementById(name).value; });
    var body = { values: values, version: version.value || null };
    if (commentDirty) { body.comment = comment.value; }
    return body;
  }

  function save(useBeacon) {
    if (!Object.keys(dirty).length && !commentDirty) { return; }
    if (inFlight) { again = true; return; }
    var body = payload(), sent = dirty;
    dirty = {}; commentDirty = false;
    if (useBeacon && window.fetch) {
      // keepalive lets the request finish while the tab closes.
      fetch(url, { method: "POST", keepalive: true, credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }, body: JSON.stringify(body) });
      return;
    }
    inFlight = true;
    show("Đang lưu…");
    fetch(url, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }, body: JSON.stringify(body) })
      .then(function (resp) { return resp.json().then(function (data) { return { status: resp.status, data: data }; }); })
      .then(function (res) {
        if (res.data.ok) {
          version.value = res.data.version;
          Object.keys(sent).forEach(function (name) { markError(name, res.data.errors[name]); });
          show("Đã lưu lúc " + res.data.saved_at);
        } else {
          show(res.data.message || "Chưa lưu được.");
          Object.keys(sent).forEach(function (n) { dirty[n] = true; });
        }
      })
      .catch(function () { Object.keys(sent).forEach(function (n) { dirty[n] = true; }); show("Mất kết nối — chưa lưu."); })
      .finally(function () {
        inFlight = false;
        if (pendingSubmit) {  // a submit waited for this save: send it now with the fresh version
          var submitter = pendingSubmit;
          pendingSubmit = null;
          form.requestSubmit(submitter);
        } else if (again) { again = false; save(false); }
      });
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(function () { save(false); }, 800); }

  inputs.forEach(function (el, i) {
    el.addEventListener("input", function () { dirty[el.name] = true; schedule(); });
    el.addEventListener("blur", function () { save(false); });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault();
        var next = inputs[i + 1] || comment;
        if (next) { next.focus(); if (next.select) { next.select(); } }
      }
    });
  });
  if (comment) {
    comment.addEventListener("input", function () { commentDirty = true; schedule(); });
    comment.addEventListener("blur", function () { save(false); });
  }
  // The full form carries every value; an autosave still in flight would make its version stale.
  form.addEventListener("submit", function (ev) {
    clearTimeout(timer);
    if (inFlight) { ev.preventDefault(); pendingSubmit = ev.submitter || form.querySelector("button[type=submit]"); return; }
    dirty = {}; commentDirty = false;
  });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { save(true); } });
  window.addEventListener("pagehide", function () { save(true); });
})();
