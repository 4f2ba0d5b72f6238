/* Small progressive enhancement for the reader's desk; every page works without it.
   - clicking a quote in a list scrolls smoothly to its sentence and flashes it;
   - clicking a highlighted quote in the text marks its entry in the list;
   - following a link to something inside a folded section unfolds it. */
(function () {
  "use strict";
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the transition
    el.classList.add("flash");
    window.setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  // A link into a folded section (a conflict, a speaker) opens the <details> around its target.
  function unfold() {
    var el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    for (var d = el; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") d.open = true;
    }
    if (el) el.scrollIntoView();
  }
  window.addEventListener("hashchange", unfold);
  document.addEventListener("DOMContentLoaded", function () { if (location.hash) unfold(); });
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.quote-link") : null;
    if (link && link.getAttribute("href").charAt(0) === "#") {
      var target = document.getElementById(link.getAttribute("data-target"));
      if (target) {
        ev.preventDefault();
        history.pushState(null, "", "#" + target.id);
        target.scrollIntoView({ block: "center" });
        flash(target);
        return;
      }
    }
    var mark = ev.target.closest ? ev.target.closest(".article-text mark.q") : null;
    if (mark) {
      var id = mark.getAttribute("data-quote");
      var items = document.querySelectorAll(".quote-item");
      for (var i = 0; i < items.length; i++) {
        var on = items[i].getAttribute("data-quote") === id;
        items[i].classList.toggle("active", on);
        if (on) items[i].scrollIntoView({ block: "nearest" });
      }
    }
  });
})();
