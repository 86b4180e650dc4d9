// Portal behaviour that USWDS does not provide. Loaded after uswds.min.js.
(function () {
  "use strict";

  // Move focus to a form's error summary so keyboard and screen reader users start there.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

// Staff queue: a header checkbox selects or clears every row checkbox of its group.
(function () {
  "use strict";

  var toggles = document.querySelectorAll("[data-select-all]");
  Array.prototype.forEach.call(toggles, function (toggle) {
    var name = toggle.getAttribute("data-select-all");
    var boxes = document.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
    toggle.addEventListener("change", function () {
      Array.prototype.forEach.call(boxes, function (box) {
        box.checked = toggle.checked;
      });
    });
  });
})();
