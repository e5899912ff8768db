// Sort the tables inside <div class="sortable"> by clicking a column header.
// Written here, not loaded from a CDN: the site requests nothing from other hosts.
(function () {
  "use strict";
  function key(cell) {
    var text = cell.textContent.trim();
    return text === "" || text === "gap" ? "\uffff" : text.toLowerCase();
  }
  function sortBy(table, column, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setUp() {
    document.querySelectorAll(".sortable table").forEach(function (table) {
      if (!table.tHead || table.dataset.sortable) return;
      table.dataset.sortable = "yes";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.style.cursor = "pointer";
        th.title = "Sort by this column";
        th.addEventListener("click", function (event) {
          if (event.target.closest("a")) return;
          sortBy(table, column, th);
        });
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setUp); }
  else { document.addEventListener("DOMContentLoaded", setUp); }
})();
