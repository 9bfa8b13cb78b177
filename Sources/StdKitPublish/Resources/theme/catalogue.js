// The catalogue's table: sorting by a column and filtering by text, province and batch.
// The rows are in the page; this script reads each row's values once, then sorts and filters
// an array and puts the rows back in order in one go (1,000 rows stay quick: no row is made
// again, and the page is laid out once per click).
(function () {
  "use strict";
  var table = document.getElementById("catalogue");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var lang = document.documentElement.lang || "en";
  var rows = Array.prototype.map.call(body.rows, function (tr, index) {
    var values = Array.prototype.map.call(tr.cells, function (td, column) {
      var raw = td.hasAttribute("data-sort") ? td.getAttribute("data-sort") : td.textContent.trim();
      if (headers[column].getAttribute("data-type") === "number") {
        var number = parseFloat(raw);
        return isNaN(number) ? null : number;
      }
      return raw === "" ? null : raw;
    });
    return { tr: tr, index: index, values: values, text: tr.textContent.toLowerCase(),
             province: tr.getAttribute("data-province"), batch: tr.getAttribute("data-batch") };
  });
  var order = rows.slice();
  var sorted = { column: -1, direction: 1 };

  function compare(a, b) {
    var x = a.values[sorted.column], y = b.values[sorted.column];
    // Empty cells (a project without the figure, a failed one) go last either way.
    if (x === null && y === null) { return a.index - b.index; }
    if (x === null) { return 1; }
    if (y === null) { return -1; }
    var result = typeof x === "number" ? x - y : x.localeCompare(y, lang);
    return result !== 0 ? result * sorted.direction : a.index - b.index;
  }

  function render() {
    var text = document.getElementById("filter-text").value.trim().toLowerCase();
    var province = document.getElementById("filter-province").value;
    var batch = document.getElementById("filter-batch").value;
    var shown = 0;
    var fragment = document.createDocumentFragment();
    order.forEach(function (row) {
      var visible = (text === "" || row.text.indexOf(text) >= 0) && (province === "" || row.province === province)
        && (batch === "" || row.batch === batch);
      row.tr.hidden = !visible;
      if (visible) { shown += 1; }
      fragment.appendChild(row.tr);
    });
    body.appendChild(fragment);
    var count = document.getElementById("catalogue-count");
    count.setAttribute("data-shown", String(shown));
    count.textContent = count.getAttribute("data-template").replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  headers.forEach(function (th, column) {
    th.querySelector("button").addEventListener("click", function () {
      sorted.direction = sorted.column === column ? -sorted.direction : (th.getAttribute("data-type") === "number" ? -1 : 1);
      sorted.column = column;
      headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", sorted.direction === 1 ? "ascending" : "descending");
      order = rows.slice().sort(compare);
      render();
    });
  });
  ["filter-text", "filter-province", "filter-batch"].forEach(function (id) {
    document.getElementById(id).addEventListener(id === "filter-text" ? "input" : "change", render);
  });
  render();
})();
