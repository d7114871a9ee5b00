// Optional: suggests page titles under the search box as the reader types. The form works
// the same without it. Suggestions are links, so keyboard and screen readers reach them.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) return;
  var list = document.createElement("ul");
  list.className = "autocomplete";
  list.id = "q-suggestions";
  list.hidden = true;
  input.setAttribute("aria-controls", list.id);
  input.parentNode.insertBefore(list, input.nextSibling);
  var timer = null;
  var lang = document.documentElement.lang || "";

  function show(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (s) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = s.url;
      link.textContent = s.title;
      if (s.fallback) link.lang = s.language;
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { show([]); return; }
    timer = setTimeout(function () {
      var url = input.dataset.autocompleteUrl + "?" + new URLSearchParams({ q: q, locale: lang });
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { show(data.suggestions || []); })
        .catch(function () { show([]); });
    }, 200);
  });
})();
