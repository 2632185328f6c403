// Polls a print job's progress endpoint and updates the Bootstrap progress bar.
(function () {
  "use strict";
  var box = document.getElementById("print-job");
  if (!box) { return; }
  var url = box.dataset.progressUrl;
  function part(role) { return box.querySelector('[data-role="' + role + '"]'); }
  function show(el, visible) { el.classList.toggle("d-none", !visible); }
  function update(job) {
    var bar = part("bar");
    bar.style.width = job.percent + "%";
    bar.textContent = job.percent + "%";
    bar.parentElement.setAttribute("aria-valuenow", job.percent);
    part("label").textContent = job.label;
    part("count").textContent = job.done.toLocaleString("vi-VN") + "/" + job.total.toLocaleString("vi-VN");
    box.dataset.status = job.status;
    var finished = job.status === "done" || job.status === "failed";
    bar.classList.toggle("progress-bar-animated", !finished);
    bar.classList.toggle("bg-danger", job.status === "failed");
    part("error").textContent = job.error || "";
    show(part("error"), !!job.error);
    show(part("download"), job.status === "done");
    show(part("retry"), job.status === "failed");
    return finished;
  }
  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) { if (!update(job)) { setTimeout(poll, 700); } })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (box.dataset.status !== "done" && box.dataset.status !== "failed") { poll(); }
})();
