// Live progress for the job page: polls the job's JSON status and updates the
// bar; when the job ends, reloads so the server shows the brief or the error.
(function () {
  "use strict";
  var root = document.getElementById("job");
  if (!root) { return; }
  var url = root.getAttribute("data-status-url");
  var bar = document.getElementById("progress");
  var stage = document.getElementById("stage");

  function label(job) {
    if (job.stage === "annotate" && job.total) {
      return job.stage_label + ": " + job.done + " of " + job.total + " documents";
    }
    if (job.stage === "read" && job.done) { return job.stage_label + ": " + job.done + " read"; }
    return job.stage_label;
  }

  function tick() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (job) {
        if (job.status === "done" || job.status === "failed") {
          window.location.reload();
          return;
        }
        if (bar) { bar.value = job.percent; bar.textContent = job.percent + "%"; }
        if (stage) { stage.textContent = label(job); }
        window.setTimeout(tick, 400);
      })
      .catch(function () { window.setTimeout(tick, 2000); });
  }

  window.setTimeout(tick, 200);
})();
