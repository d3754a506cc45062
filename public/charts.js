// Draws every chart on the page from the JSON in its <script type="application/json">
// element (no inline script: the Content-Security-Policy allows only files from this site).
(function () {
  'use strict';
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var c = data(el.getAttribute('data-chart'));
    if (!c) return;
    var traces = c.traces.map(function (t) {
      var trace = { type: t.type || 'scatter', name: t.name, x: t.x, y: t.y, yaxis: t.yaxis, mode: t.mode, connectgaps: false,
        hovertemplate: '%{x}<br>%{y:,.4~f}<extra>' + t.name.replace(/</g, '&lt;') + '</extra>' };
      // Plotly reads a key that is present but undefined as a broken style: set only what is given.
      if (t.dash || t.color) trace.line = t.color ? { dash: t.dash || 'solid', color: t.color } : { dash: t.dash };
      if (t.color) trace.marker = { color: t.color };
      if (t.legend === false) trace.showlegend = false;
      return trace;
    });
    var shapes = [];
    var annotations = [];
    (c.shapes || []).forEach(function (s) {
      var highlight = s.kind === 'highlight';
      shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: s.x0, x1: s.x1 === s.x0 ? s.x1 + 'T23:59' : s.x1, y0: 0, y1: 1,
        fillcolor: highlight ? 'rgba(200,148,42,0.25)' : 'rgba(31,95,139,0.12)', line: { width: highlight ? 1 : 0, color: '#c8942a' } });
      annotations.push({ x: s.x0, y: 1, xref: 'x', yref: 'paper', text: s.label, showarrow: false, xanchor: 'left', yanchor: 'bottom', font: { size: 10 }, textangle: 0 });
    });
    var layout = {
      title: { text: c.title, font: { size: 15 } },
      margin: { l: 60, r: c.y2Title ? 60 : 20, t: 50, b: 40 },
      hovermode: 'x unified',
      legend: { orientation: 'h', y: -0.2 },
      xaxis: { type: 'date', rangeslider: { visible: false },
        rangeselector: { buttons: [
          { count: 1, label: '1y', step: 'year', stepmode: 'backward' },
          { count: 5, label: '5y', step: 'year', stepmode: 'backward' },
          { count: 10, label: '10y', step: 'year', stepmode: 'backward' },
          { step: 'all', label: 'all' }] } },
      yaxis: { title: { text: c.yTitle }, automargin: true, type: c.yType === 'log' ? 'log' : 'linear' },
      shapes: shapes,
      // Labels only where they fit; the events are listed with their sources under the chart.
      annotations: annotations.length <= 3 && el.clientWidth >= 600 ? annotations : []
    };
    if (c.y2Title) layout.yaxis2 = { title: { text: c.y2Title }, overlaying: 'y', side: 'right', automargin: true };
    // An exported image is named after the series and the view, not "newplot".
    var chartConfig = Object.assign({}, config, { toImageButtonOptions: { filename: c.fileName || 'kz-indicators-chart', format: 'png' } });
    Plotly.newPlot(el, traces, layout, chartConfig).then(function () { el.setAttribute('data-rendered', 'true'); });
  });

  // Snippets carry the server's local address when no public address is set: use the one the reader used.
  document.querySelectorAll('[data-fix-origin]').forEach(function (box) {
    var from = box.getAttribute('data-fix-origin');
    box.querySelectorAll('code, a').forEach(function (el) {
      if (el.tagName === 'A') el.setAttribute('href', el.getAttribute('href').split(from).join(location.origin));
      else el.textContent = el.textContent.split(from).join(location.origin);
    });
  });

  document.querySelectorAll('[data-spark]').forEach(function (el) {
    var s = data(el.getAttribute('data-spark'));
    if (!s) return;
    Plotly.newPlot(el, [{ type: 'scatter', mode: 'lines', x: s.x, y: s.y, line: { width: 1.5, color: '#1f5f8b' }, hovertemplate: '%{x}: %{y:,.4~f}<extra></extra>' }],
      { margin: { l: 0, r: 0, t: 4, b: 0 }, xaxis: { visible: false, type: 'date' }, yaxis: { visible: false }, showlegend: false },
      { staticPlot: false, displayModeBar: false, responsive: true }).then(function () { el.setAttribute('data-rendered', 'true'); });
  });
})();
