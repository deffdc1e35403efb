// The wizard's error summary and kept files. Everything works without this file: the summary is
// rendered by the server (with autofocus), the remove button is a submit button.
(function () {
  "use strict";

  // After a failed submit the summary takes focus (autofocus does it in most browsers; this is
  // for those that skip autofocus on a non-form element).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    if (document.activeElement !== summary) summary.focus();
    // A link in the summary moves focus to its field and shows the field's label with it.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      var wrapper = input.closest(".wf-field") || input;
      wrapper.scrollIntoView({ block: "start" });
      input.focus({ preventScroll: true });
    });
  }

  // A kept file: the browser's "No file chosen" next to the input would contradict the saved
  // file shown above it, so the input shows only its button, and a chosen file is named here.
  document.querySelectorAll("[data-kept-file]").forEach(function (kept) {
    var input = kept.querySelector("input[type=file]");
    var choice = kept.querySelector("[data-file-choice]");
    if (!input || !choice) return;
    kept.classList.add("wf-file--enhanced");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      choice.textContent = file ? (kept.dataset.replaceText || "") + file.name : "";
    });
  });
})();
