// Criteria editor: open/close inline edit rows, and preview the sheet total while typing.
// The saved total is always computed by the server; this only previews an unsaved change.
(function () {
  document.querySelectorAll("[data-toggle-edit]").forEach(function (button) {
    button.addEventListener("click", function () {
      var row = document.getElementById(button.getAttribute("data-toggle-edit"));
      row.classList.toggle("d-none");
      var first = row.querySelector("input[name=title]");
      if (!row.classList.contains("d-none") && first) { first.focus(); }
    });
  });

  var preview = document.getElementById("total-preview");
  var format = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

  function parse(text) {
    var value = Number(String(text).trim().replace(",", "."));
    return isFinite(value) && value >= 0 ? value : null;
  }

  function recompute(editedId, editedValue) {
    var total = 0;
    document.querySelectorAll("[data-leaf-points]").forEach(function (cell) {
      var id = cell.getAttribute("data-criterion");
      total += id === editedId ? editedValue : parse(cell.getAttribute("data-leaf-points"));
    });
    return total;
  }

  document.querySelectorAll("[data-live-points]").forEach(function (input) {
    input.addEventListener("input", function () {
      var value = parse(input.value);
      if (value === null) {
        preview.textContent = "Điểm không hợp lệ";
        return;
      }
      preview.textContent = "Sau khi lưu: " + format.format(recompute(input.getAttribute("data-live-points"), value));
    });
  });
})();
