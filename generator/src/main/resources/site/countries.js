// Progressive enhancement: the country links work without JavaScript; with it, a drop-down jumps to a country. It
// opens on "Choose a country", so that every country listed, the first too, is a change that jumps to it.
// A page shown again from the browser's history keeps the country last chosen selected, which would make choosing it
// again no change: the prompt is put back whenever the page is shown.
document.querySelectorAll("form.country-jump").forEach(function (form) {
  var select = form.querySelector("select");
  select.selectedIndex = 0;
  window.addEventListener("pageshow", function () { select.selectedIndex = 0; });
  select.addEventListener("change", function () {
    if (select.value) { location.href = select.value; }
  });
  form.hidden = false;
});
