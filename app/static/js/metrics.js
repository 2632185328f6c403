// Inline metric rows on the initiative form: add a blank row, remove a row.
// WTForms' FieldList reads metrics-<n>-<field> in any order and tolerates gaps.
(function () {
  "use strict";
  var table = document.getElementById("metrics-table");
  var add = document.getElementById("add-metric");
  if (!table || !add) { return; }
  var body = table.tBodies[0];
  var next = body.rows.length;

  add.addEventListener("click", function () {
    var template = body.rows[0];
    var row = template.cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) {
      input.value = "";
      input.classList.remove("is-invalid");
      input.name = input.name.replace(/^metrics-\d+-/, "metrics-" + next + "-");
      input.id = input.name;
    });
    row.querySelectorAll(".invalid-feedback").forEach(function (el) { el.remove(); });
    body.appendChild(row);
    next += 1;
    row.querySelector("input").focus();
  });

  body.addEventListener("click", function (event) {
    var button = event.target.closest("[data-remove-metric]");
    if (!button) { return; }
    var row = button.closest("tr");
    if (body.rows.length > 1) {
      row.remove();
    } else {
      row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    }
  });
}());
