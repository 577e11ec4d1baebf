// The search page, enhanced: changing a filter updates the results in place. Without this file the form is a
// plain GET form and every filter and page link works the same way.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var body = document.getElementById("search-results-body");
  var status = document.getElementById("search-status");
  var panel = document.getElementById("search-filter-panel");
  if (!form || !body || !status) return;

  // Wide screens have room for the filters beside the results; phones keep them folded above, so the results
  // come first (the page is served with them folded, which is what a phone without JavaScript gets).
  if (panel && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) panel.open = true;

  if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !window.AbortController) return;

  var pending = null;

  function formQuery() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") params.append(key, value);
    });
    return params.toString();
  }

  function adopt(source, target) {
    var nodes = Array.prototype.map.call(source.childNodes, function (node) {
      return document.importNode(node, true);
    });
    target.replaceChildren.apply(target, nodes);
  }

  // Counts and disabled options change with every filter; the inputs themselves stay, so focus stays put.
  function syncFilters(doc) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      var fresh = doc.getElementById(input.id);
      if (!fresh) return;
      input.disabled = fresh.disabled && !input.checked && input !== document.activeElement;
      var count = form.querySelector("label[for='" + input.id + "'] .facet-count");
      var freshCount = doc.querySelector("label[for='" + input.id + "'] .facet-count");
      if (count && freshCount) count.textContent = freshCount.textContent;
    });
    var summary = panel && panel.querySelector("summary");
    var freshSummary = doc.querySelector("#search-filter-panel > summary");
    if (summary && freshSummary) adopt(freshSummary, summary);
    // "Show N results" (sticky while the filters are open) counts what the filters now give.
    var apply = document.getElementById("filters-apply");
    var freshApply = doc.getElementById("filters-apply");
    if (apply && freshApply) apply.textContent = freshApply.textContent;
  }

  function update() {
    if (pending) pending.abort();
    pending = new AbortController();
    var url = form.action + "?" + formQuery();
    body.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var freshBody = doc.getElementById("search-results-body");
        var freshStatus = doc.getElementById("search-status");
        if (!freshBody || !freshStatus) throw new Error("unexpected page");
        adopt(freshBody, body);
        syncFilters(doc);
        var query = freshBody.getAttribute("data-query") || "";
        body.setAttribute("data-query", query);
        history.replaceState(null, "", form.action + (query ? "?" + query : ""));
        // The "Español / English" link keeps the search as it now is.
        var languageLink = document.querySelector("[data-language-switch]");
        if (languageLink) languageLink.search = query ? "?" + query : "";
        status.textContent = freshStatus.textContent; // role=status: read out politely
        document.title = doc.title; // the count, for the tab and the history
        body.removeAttribute("aria-busy");
      })
      .catch(function (error) {
        if (error.name === "AbortError") return;
        form.submit(); // something went wrong: the plain form still works
      });
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("input[type=checkbox], select")) update();
  });
})();
