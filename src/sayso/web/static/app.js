// sayso's web workspace: the little it needs beyond HTML. Loaded from /static (no inline scripts: the
// Content-Security-Policy allows none). It only toggles classes; it never writes HTML from data.
"use strict";

function setUpToggles() {
  const text = document.getElementById("article-text");
  const legend = document.getElementById("legend");
  if (!text || !legend) return;
  legend.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.layer) return;
    text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
  });
}

function setUpAttributionLinks() {
  // Hovering a highlighted stretch marks its attribution beside the text, and the other way round.
  const text = document.getElementById("article-text");
  if (!text) return;
  const mark = (number, on) => {
    const entry = document.getElementById("attribution-" + number);
    if (entry) entry.classList.toggle("active", on);
    text.querySelectorAll('[data-attribution="' + CSS.escape(number) + '"]').forEach((el) => el.classList.toggle("active", on));
  };
  text.addEventListener("mouseover", (e) => { const n = e.target.dataset && e.target.dataset.attribution; if (n) mark(n, true); });
  text.addEventListener("mouseout", (e) => { const n = e.target.dataset && e.target.dataset.attribution; if (n) mark(n, false); });
  text.addEventListener("click", (e) => {
    const n = e.target.dataset && e.target.dataset.attribution;
    const entry = n && document.getElementById("attribution-" + n);
    if (entry) entry.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
  document.querySelectorAll("li.attribution").forEach((entry) => {
    const n = entry.id.replace("attribution-", "");
    entry.addEventListener("mouseenter", () => mark(n, true));
    entry.addEventListener("mouseleave", () => mark(n, false));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpToggles();
  setUpAttributionLinks();
});
