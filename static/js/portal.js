// Portal behaviour that USWDS does not provide. Loaded after uswds.min.js.
(function () {
  "use strict";

  // Move focus to a form's error summary so keyboard and screen reader users start there.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
