/* stdkit site search: no dependencies. The index (search-index.js) is loaded by a script tag so
   that search works from file:// too. A query is split into words (Latin letters and digits) and
   character bigrams (Chinese), and an entry matches when it holds every one of them. */
(function () {
  "use strict";
  var index = window.STDKIT_SEARCH || { entries: [] };
  var cjk = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

  function tokens(query) {
    var result = [];
    var pattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9._#@-]*/g;
    var match;
    query = query.toLowerCase();
    while ((match = pattern.exec(query)) !== null) {
      var word = match[0];
      if (cjk.test(word.charAt(0))) {
        if (word.length === 1) { result.push(word); }
        for (var i = 0; i + 1 < word.length; i++) { result.push(word.substr(i, 2)); }
      } else {
        result.push(word);
      }
    }
    return result;
  }

  function search(query) {
    var wanted = tokens(query);
    if (wanted.length === 0) { return []; }
    var found = [];
    for (var i = 0; i < index.entries.length; i++) {
      var entry = index.entries[i];
      var title = entry.t.toLowerCase();
      var haystack = title + " " + entry.x.toLowerCase();
      var score = 0;
      var all = true;
      for (var j = 0; j < wanted.length; j++) {
        if (haystack.indexOf(wanted[j]) < 0) { all = false; break; }
        if (title.indexOf(wanted[j]) >= 0) { score += 2; }
      }
      if (all) { found.push({ entry: entry, score: score, order: i }); }
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.slice(0, 100);
  }

  function excerpt(text, query) {
    var first = tokens(query)[0] || "";
    var at = text.toLowerCase().indexOf(first);
    var start = Math.max(0, at - 30);
    return (start > 0 ? "…" : "") + text.substr(start, 120) + (start + 120 < text.length ? "…" : "");
  }

  function show(query) {
    var list = document.getElementById("search-results");
    var count = document.getElementById("search-count");
    if (!list || !count) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var results = search(query);
    count.textContent = query ? (results.length ? results.length + " " + count.getAttribute("data-unit") : count.getAttribute("data-none")) : "";
    count.setAttribute("data-count", String(results.length));
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.entry.u;
      link.textContent = result.entry.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = result.entry.k;
      var text = document.createElement("p");
      text.textContent = excerpt(result.entry.x, query);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(kind);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var input = document.getElementById("search-input");
  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  if (input) {
    input.value = initial;
    input.addEventListener("input", function () { show(input.value); });
  }
  show(initial);
  window.stdkitSearch = search;
})();
