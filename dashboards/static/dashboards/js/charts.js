/* Draws every chart of the page from its JSON data island with plotly.js, loaded once from our
   own static files. No inline script or style: plotly's style rules come from vendor/plotly.css,
   and the element with id "plotly.js-style-global" and class "no-inline-styles" tells plotly.js
   not to inject a <style> of its own. Each chart block includes this file; it runs once. */
(function () {
  "use strict";
  if (window.partizipationCharts) {
    return;
  }
  window.partizipationCharts = true;
  var script = document.currentScript;

  function markStyleSlot() {
    if (document.getElementById("plotly.js-style-global")) {
      return;
    }
    var link = document.createElement("link");
    link.id = "plotly.js-style-global";
    link.className = "no-inline-styles";
    link.rel = "stylesheet";
    link.href = script.dataset.plotlyCss;
    document.head.appendChild(link);
  }

  function draw() {
    document.querySelectorAll("[data-chart-data]").forEach(function (element) {
      var island = document.getElementById(element.dataset.chartData);
      if (!island) {
        return;
      }
      var figure = JSON.parse(island.textContent);
      window.Plotly.newPlot(element, figure.data, figure.layout, {
        responsive: true,
        displayModeBar: false,
        displaylogo: false
      }).then(function () {
        element.classList.add("chart__plot--drawn");
      });
    });
  }

  function start() {
    if (!document.querySelector("[data-chart-data]")) {
      return;
    }
    markStyleSlot();
    var plotly = document.createElement("script");
    plotly.src = script.dataset.plotly;
    plotly.addEventListener("load", draw);
    document.head.appendChild(plotly);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
