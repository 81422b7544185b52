// The search page without a button press: a ticked filter or a new sort order applies at
// once. Without this script the page works the same through its buttons.
(function () {
  "use strict";
  var form = document.querySelector("form[data-apply-on-change]");
  if (!form) return;
  form.classList.add("applies-on-change");
  form.addEventListener("change", function (event) {
    var field = event.target;
    if (field.type === "checkbox" || field.tagName === "SELECT") {
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    }
  });
  // Beside the results on a wide screen the filters are always open.
  var filters = form.querySelector(".search-filters");
  var wide = window.matchMedia("(min-width: 56rem)");
  function follow() {
    if (filters && wide.matches) filters.open = true;
  }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
})();
