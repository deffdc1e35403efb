// Shows only the field mapping of the submission action chosen in the page editor.
(function () {
  function update() {
    const select = document.querySelector('select[name="submission_action"]');
    if (!select) {
      return;
    }
    document.querySelectorAll("[data-action-mapping-group]").forEach(function (group) {
      group.hidden = group.dataset.actionMappingGroup !== select.value;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches('select[name="submission_action"]')) {
      update();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
