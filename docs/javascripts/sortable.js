// Sort the tables inside <div class="sortable"> by a column, after the WAI-ARIA sortable
// table pattern: each column header gets a <button> (Tab reaches it, Enter or Space
// presses it), beside the header's link where it has one, so that following the link
// and sorting are two things; the sorted column's header carries aria-sort.
// Written here, not loaded from a CDN: the site requests nothing from other hosts.
(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var ICONS = { none: "↕", ascending: "▲", descending: "▼" };

  function key(cell) {
    var text = cell ? cell.textContent.trim() : "";
    return text === "gap" ? "" : text;
  }

  function sortBy(table, column, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      if (x === "" || y === "") return (x === "") - (y === "");  // empty cells last
      return collator.compare(x, y) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
      var icon = cell.querySelector(".digest-sort-icon");
      if (icon) icon.textContent = ICONS.none;
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    th.querySelector(".digest-sort-icon").textContent = ICONS[th.getAttribute("aria-sort")];
  }

  function addButton(table, th, column) {
    var name = th.textContent.trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "digest-sort";
    var icon = document.createElement("span");
    icon.className = "digest-sort-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICONS.none;
    if (th.querySelector("a")) {
      // The header's text is a link: the button is the arrow beside it.
      button.setAttribute("aria-label", "Sort by " + name);
      button.title = "Sort by this column";
      button.appendChild(icon);
      th.appendChild(document.createTextNode(" "));
      th.appendChild(button);
    } else {
      // No link: the header's text is the button, as in the pattern.
      while (th.firstChild) button.appendChild(th.firstChild);
      button.appendChild(document.createTextNode(" "));
      button.appendChild(icon);
      button.title = "Sort by this column";
      th.appendChild(button);
    }
    button.addEventListener("click", function () { sortBy(table, column, th); });
  }

  function setUp() {
    document.querySelectorAll(".sortable table").forEach(function (table) {
      if (!table.tHead || table.dataset.sortable) return;
      table.dataset.sortable = "yes";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        addButton(table, th, column);
      });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setUp); }
  else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else { setUp(); }
})();
