// Shows and hides wizard fields whose condition depends on another field of the same step.
// The server applies the same rules on submit; this only saves a round trip.
(function () {
  "use strict";

  function answerOf(form, key) {
    var wrapper = form.querySelector('[data-key="' + key + '"]');
    if (!wrapper || wrapper.hidden) return [];
    var values = [];
    wrapper.querySelectorAll("input, select, textarea").forEach(function (input) {
      if (input.disabled) return;
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) values.push(input.type === "checkbox" && input.value === "on" ? "yes" : input.value);
      } else if (input.tagName === "SELECT") {
        Array.prototype.forEach.call(input.selectedOptions, function (o) { if (o.value) values.push(o.value); });
      } else if (input.type !== "hidden" && input.value.trim()) {
        values.push(input.value);
      }
    });
    return values.map(function (v) { return v.trim().toLowerCase(); });
  }

  function conditionMet(given, operator, values) {
    if (operator === "answered") return given.length > 0;
    if (operator === "one_of") return given.some(function (g) { return values.indexOf(g) !== -1; });
    var matches = values.length > 0 && given.length === 1 && given[0] === values[0];
    return operator === "is_not" ? !matches : matches;
  }

  function valuesOf(element) {
    return (element.dataset.conditionValues || "").split(/\r?\n/)
      .map(function (v) { return v.trim().toLowerCase(); })
      .filter(function (v) { return v; });
  }

  // "Step 2 of 5": a later step decided by a question of this step counts while the question is
  // open, and then as its condition says (the server counts the same way; see progress.py).
  function recount(form) {
    var progress = document.querySelector("[data-step-progress]");
    if (!progress) return;
    var total = parseInt(progress.dataset.fixedTotal, 10);
    progress.querySelectorAll("[data-step-condition]").forEach(function (condition) {
      var given = answerOf(form, condition.dataset.conditionField);
      if (!given.length || conditionMet(given, condition.dataset.conditionOperator, valuesOf(condition))) total += 1;
    });
    var label = progress.querySelector("p");
    var bar = progress.querySelector("progress");
    label.textContent = progress.dataset.labelTemplate.replace("{total}", String(total));
    bar.max = total + 1;
    bar.textContent = bar.value + "/" + total;
  }

  function update(form) {
    form.querySelectorAll(".wf-field[data-condition-field]").forEach(function (wrapper) {
      var shown = conditionMet(answerOf(form, wrapper.dataset.conditionField), wrapper.dataset.conditionOperator, valuesOf(wrapper));
      wrapper.hidden = !shown;
      wrapper.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !shown; });
    });
    recount(form);
  }

  document.querySelectorAll("[data-wizard-form]").forEach(function (form) {
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("input", function () { update(form); });
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (button && button.hasAttribute("data-submit-once")) {
        if (form.dataset.submitted) { event.preventDefault(); return; }
        form.dataset.submitted = "1";
      }
    });
  });
})();
