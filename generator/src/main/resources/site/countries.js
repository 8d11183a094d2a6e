// Progressive enhancement: the country links work without JavaScript; with it, a drop-down jumps to a country.
document.querySelectorAll("form.country-jump").forEach(function (form) {
  var select = form.querySelector("select");
  var here = location.pathname.split("/").pop();
  Array.prototype.forEach.call(select.options, function (option) {
    if (option.value === here) { option.selected = true; }
  });
  select.addEventListener("change", function () { location.href = select.value; });
  form.hidden = false;
});
