/* fullpicture report: two-way linking between table entries and source highlights.
   No network, no eval, no innerHTML: only class toggles and scrolling. */
(function () {
  "use strict";
  function spansFor(id) {
    return Array.prototype.filter.call(document.querySelectorAll("[data-i]"), function (el) {
      return el.getAttribute("data-i").split(" ").indexOf(id) >= 0;
    });
  }
  function clear() {
    document.querySelectorAll(".flash, .current").forEach(function (el) {
      el.classList.remove("flash"); el.classList.remove("current");
    });
  }
  function showInText(targets) {
    clear();
    var first = null;
    targets.forEach(function (id) {
      spansFor(id).forEach(function (el) { el.classList.add("flash"); if (!first) first = el; });
    });
    if (first) {
      first.scrollIntoView({ behavior: "smooth", block: "center" });
      if (first.hasAttribute("tabindex")) first.focus({ preventScroll: true });
    }
    return first;
  }
  function showItem(id) {
    clear();
    var row = document.getElementById("it-" + id);
    spansFor(id).forEach(function (el) { el.classList.add("flash"); });
    if (!row) return null;
    var box = row.closest("details");
    if (box) box.open = true;
    row.classList.add("current");
    row.scrollIntoView({ behavior: "smooth", block: "center" });
    var btn = row.querySelector("button");
    if (btn) btn.focus({ preventScroll: true });
    return row;
  }
  function remember(id) {
    /* the item's anchor goes into the address, so Back returns to where the reader was */
    if (!id || !document.getElementById("it-" + id) || !window.history || !history.pushState) return;
    if (location.hash !== "#it-" + id) { try { history.pushState(null, "", "#it-" + id); } catch (e) { /* file: */ } }
  }
  function activate(el) {
    var t = el.getAttribute("data-target");
    if (t) { var targets = t.split(" "); showInText(targets); remember(targets[0]); return; }
    var ids = (el.getAttribute("data-i") || "").split(" ").filter(function (x) {
      return x && x.indexOf("-ref-") < 0;
    });
    if (ids.length) { showItem(ids[0]); remember(ids[0]); }
  }
  window.addEventListener("popstate", function () {
    if (location.hash.indexOf("#it-") === 0) showItem(location.hash.slice(4));
  });
  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-target], [data-i]");
    if (el) { activate(el); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var el = ev.target.closest("[data-i][tabindex], g[data-target]");
    if (el) { ev.preventDefault(); activate(el); }
  });
  window.fullpicture = { showInText: showInText, showItem: showItem };
})();
