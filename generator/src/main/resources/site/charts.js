// Progressive enhancement: each chart's values, in its hotspots' <title>s, shown in a label on hover and to the
// keyboard. A drawing is one keyboard stop (its wrapper, role="img", named by the alt text); the arrow keys move
// between values, which a live region also reads. Without the script, a mouse gets the native tooltips and everyone
// gets the data table.
(function () {
  // On a phone the section links scroll sideways in one line: the current page's link is brought into view, not left
  // past the right edge (About, the last, was off screen on every page it names).
  // Again once the page has loaded, in case its layout changed meanwhile.
  function showCurrentSection() {
    var nav = document.querySelector("header.top nav");
    var here = nav && nav.querySelector('a[aria-current="page"]');
    if (here && nav.scrollWidth > nav.clientWidth) {
      var offset = here.getBoundingClientRect().left - nav.getBoundingClientRect().left;
      nav.scrollLeft += offset - (nav.clientWidth - here.offsetWidth) / 2;
    }
  }
  showCurrentSection();
  window.addEventListener("load", showCurrentSection);

  var live = document.createElement("p");
  live.className = "chart-live";
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  document.querySelectorAll(".svg-wrap").forEach(function (wrap) {
    var spots = Array.prototype.slice.call(wrap.querySelectorAll(".hotspots > *"));
    if (spots.length === 0) { return; }
    // The label replaces the native tooltip, which would show the same text a second later.
    var texts = spots.map(function (spot) {
      var title = spot.querySelector("title");
      var text = title ? title.textContent : "";
      if (title) { spot.removeChild(title); }
      return text;
    });
    var tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    wrap.appendChild(tip);
    wrap.tabIndex = 0;
    var current = -1;

    function show(index, announce) {
      if (current >= 0) { spots[current].classList.remove("on"); }
      current = index;
      spots[index].classList.add("on");
      tip.textContent = texts[index];
      tip.hidden = false;
      var box = wrap.getBoundingClientRect();
      var spot = spots[index].getBoundingClientRect();
      var half = tip.offsetWidth / 2;
      var x = Math.min(Math.max(spot.left + spot.width / 2 - box.left, half), box.width - half);
      tip.style.left = x + "px";
      tip.style.top = (spot.top - box.top) + "px";
      if (announce) { live.textContent = texts[index]; }
    }

    function hide() {
      if (current >= 0) { spots[current].classList.remove("on"); }
      tip.hidden = true;
    }

    wrap.addEventListener("focus", function () { show(current >= 0 ? current : 0, false); });
    wrap.addEventListener("blur", hide);
    wrap.addEventListener("keydown", function (event) {
      var next = {ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1,
        Home: 0, End: spots.length - 1}[event.key];
      if (event.key === "Escape") { hide(); return; }
      if (next === undefined) { return; }
      event.preventDefault();
      show(Math.min(Math.max(next, 0), spots.length - 1), true);
    });
    spots.forEach(function (spot, index) {
      spot.addEventListener("mouseenter", function () { show(index, false); });
    });
    wrap.addEventListener("mouseleave", function () {
      if (document.activeElement !== wrap) { hide(); }
    });
  });
})();
