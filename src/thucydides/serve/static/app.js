// Thucydides pages: the only script, served from this server (no inline script, no other host).
// On an article, hovering over or focusing a mark shows its details (from the side list) in the
// details box, and marks every piece of it. Without this script the marks still have titles.
"use strict";
(function () {
  const text = document.getElementById("text");
  const box = document.getElementById("details");
  if (!text || !box) return;
  let shown = null;
  function show(key) {
    if (key === shown) return;
    shown = key;
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    const pieces = text.querySelectorAll('[data-key="' + CSS.escape(key) + '"]');
    pieces.forEach(function (el) { el.classList.add("active"); });
    const detail = document.getElementById("d-" + key);
    box.replaceChildren();
    if (detail) {
      detail.classList.add("active");
      const copy = detail.cloneNode(true);
      copy.removeAttribute("id");
      copy.classList.remove("active");
      box.appendChild(copy);
    } else if (pieces.length) {
      const line = document.createElement("p");
      line.textContent = pieces[0].getAttribute("title") || "";
      box.appendChild(line);
    }
    box.dataset.showing = key;
  }
  function pick(event) {
    const mark = event.target.closest && event.target.closest("[data-key]");
    if (mark && text.contains(mark)) show(mark.dataset.key);
  }
  text.addEventListener("mouseover", pick);
  text.addEventListener("focusin", pick);
})();
