// Draw a chart from the accessible table beneath it (templates/components/usa_chart.html).
//
// The table is the source of truth: screen readers, keyboard users and people without
// JavaScript read it; the chart is drawn from its cells. Series are the header cells marked
// data-chart-series; a cell's number is its data-value attribute, else its text.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  // USWDS palette colours with at least 3:1 contrast against white.
  var COLOURS = ["#005ea2", "#c05600", "#008817", "#162e51", "#8b0a03", "#4d8055", "#71767a"];

  function number(cell) {
    var raw = cell.getAttribute("data-value");
    if (raw === null) {
      raw = cell.textContent.replace(/[,%$\s]/g, "");
    }
    var value = parseFloat(raw);
    return isNaN(value) ? null : value;
  }

  function draw(figure) {
    var table = document.getElementById(figure.getAttribute("data-chart-table"));
    if (!table) {
      return;
    }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (row) {
      return row.cells[0].textContent.trim();
    });
    var datasets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute("data-chart-series")) {
        return;
      }
      var colour = COLOURS[datasets.length % COLOURS.length];
      datasets.push({
        label: header.textContent.trim(),
        data: rows.map(function (row) {
          return row.cells[column] ? number(row.cells[column]) : null;
        }),
        backgroundColor: colour,
        borderColor: colour,
      });
    });
    if (!datasets.length || !rows.length) {
      return;
    }
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute(
      "aria-label",
      (figure.getAttribute("data-chart-label") || "Chart") + ". The table below gives the figures."
    );
    figure.querySelector("[data-chart-canvas]").appendChild(canvas);
    var max = figure.getAttribute("data-chart-max");
    var stacked = figure.getAttribute("data-chart-stacked") === "true";
    new window.Chart(canvas, {
      type: figure.getAttribute("data-chart-type") || "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        scales: {
          x: { stacked: stacked },
          y: {
            stacked: stacked,
            beginAtZero: true,
            max: max ? parseFloat(max) : undefined,
            ticks: { precision: 0 }, // whole-number steps: counts, days and percentages
          },
        },
      },
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("figure[data-chart-table]"), draw);
})();
