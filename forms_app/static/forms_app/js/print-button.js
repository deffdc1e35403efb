// The blank form's "Print" button: shown only where scripts run (otherwise the browser's menu).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
