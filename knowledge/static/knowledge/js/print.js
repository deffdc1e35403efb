// Shows the "Print this page" button (it does nothing without JavaScript, so it starts hidden).
document.querySelectorAll(".print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
