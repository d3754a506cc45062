// Draws every chart on the page from the JSON in its <script type="application/json">
// element (no inline script: the Content-Security-Policy allows only files from this site).
(function () {
  'use strict';
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };
  // The page's words for what this script shows (range buttons, its own toolbar button, Plotly's toolbar).
  var words = data('chart-words') || { ranges: ['1y', '5y', '10y', 'all'], rangeLabel: 'Time range of the chart', downloadSvg: 'Download the chart as SVG', plotly: {} };
  // A page in another language gets Plotly's month and day names and number separators from the
  // browser's own Intl data for that language (no locale bundle to ship).
  var lang = document.documentElement.lang || 'en';
  if (lang !== 'en' && window.Plotly && window.Plotly.register && window.Intl) {
    var names = function (opts, dates) { var f = new Intl.DateTimeFormat(lang, Object.assign({ timeZone: 'UTC' }, opts)); return dates.map(function (d) { return f.format(d); }); };
    var months = [], week = [];
    for (var m = 0; m < 12; m++) months.push(new Date(Date.UTC(2020, m, 15)));
    for (var d = 0; d < 7; d++) week.push(new Date(Date.UTC(2020, 2, 1 + d))); // 1 March 2020 was a Sunday
    var parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    var part = function (type, fallback) { var p = parts.filter(function (x) { return x.type === type; })[0]; return p ? p.value : fallback; };
    window.Plotly.register({ moduleType: 'locale', name: lang, dictionary: words.plotly || {}, format: {
      days: names({ weekday: 'long' }, week), shortDays: names({ weekday: 'short' }, week),
      months: names({ month: 'long' }, months), shortMonths: names({ month: 'short' }, months),
      date: '%d.%m.%Y', decimal: part('decimal', '.'), thousands: part('group', ',')
    } });
    config.locale = lang;
  }
  var DAY_MS = 86400000;
  function plotlyDate(ms) { return new Date(ms).toISOString().slice(0, 19).replace('T', ' '); }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var c = data(el.getAttribute('data-chart'));
    if (!c) return;
    // A view with no value keeps the server's drawing, which says so in the chart's place.
    if (c.emptyText) { el.setAttribute('data-rendered', 'true'); return; }
    // The server's SVG is the chart until Plotly draws the interactive one in its place.
    var fallback = el.previousElementSibling && el.previousElementSibling.classList.contains('chart-svg') ? el.previousElementSibling : null;
    el.hidden = false;
    if (fallback) fallback.hidden = true;
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
    // Events: a marker on the axis at each start, labelled on hover (the bands alone were nearly
    // invisible on long ranges); the events are listed with their sources under the chart.
    var events = (c.shapes || []).filter(function (s) { return s.kind === 'event'; });
    if (events.length) {
      traces.push({ type: 'scatter', name: 'events', x: events.map(function (s) { return s.x0; }), y: events.map(function () { return 0.03; }), yaxis: 'y3',
        mode: 'markers', marker: { symbol: 'triangle-up', size: 10, color: '#c8942a' }, text: events.map(function (s) { return s.label; }),
        hovertemplate: '%{text}<extra>event</extra>', showlegend: false });
    }
    var annotationsShown = annotations.length <= 3 && el.clientWidth >= 600 ? annotations : [];
    // On a phone the title wraps instead of losing both ends.
    var narrow = el.clientWidth < 600;
    // The data are at most daily: no tick inside a day (Plotly offers hours on a span of a few days).
    var first = Infinity, last = -Infinity;
    traces.forEach(function (t) {
      if (t.name === 'events') return;
      t.x.forEach(function (d) { var ms = Date.parse(d); if (ms < first) first = ms; if (ms > last) last = ms; });
    });
    var shortSpan = first <= last && last - first <= 14 * DAY_MS;
    // Event labels inside the plot, each on the first line down where it overlaps no other label:
    // above the plot they ran into the source line, and two events a month apart printed over each other.
    var plotWidth = Math.max(1, el.clientWidth - (narrow ? 45 : 60) - (c.y2Title ? 60 : 20));
    var rowEnds = [];
    annotationsShown.slice().sort(function (a, b) { return Date.parse(a.x) - Date.parse(b.x); }).forEach(function (a) {
      var left = last > first ? ((Date.parse(a.x) - first) / (last - first)) * plotWidth : 0;
      var row = 0;
      while (rowEnds[row] !== undefined && rowEnds[row] > left) row++;
      rowEnds[row] = left + 6.5 * String(a.text).length + 10;
      a.y = 1; a.yanchor = 'top'; a.yshift = -16 * row; a.bgcolor = 'rgba(255,255,255,0.85)';
    });
    // The source line is the title's subtitle: below the plot a long legend would run over it.
    var titleText = narrow ? wrap(c.title, Math.max(24, Math.floor(el.clientWidth / 8))) : c.title;
    var titleLines = titleText.split('<br>').length;
    // The source line wraps to the chart's width too (about 5.5 px a character at 10 px), or a long one is cut at both edges.
    var sourceText = c.source ? wrap(c.source, Math.max(40, Math.floor(el.clientWidth / 5.8))) : '';
    var sourceLines = sourceText ? sourceText.split('<br>').length : 0;
    var layout = {
      title: c.source ? { text: titleText, font: { size: narrow ? 13 : 15 }, subtitle: { text: sourceText, font: { size: 10, color: '#5f6b7a' } } } : { text: titleText, font: { size: narrow ? 13 : 15 } },
      margin: { l: narrow ? 45 : 60, r: c.y2Title ? 60 : 20, t: (narrow ? 30 + 18 * titleLines : 50) + 14 * sourceLines, b: 40 },
      hovermode: 'x unified',
      legend: { orientation: 'h', y: -0.16, yanchor: 'top' },
      xaxis: { type: 'date', rangeslider: { visible: false }, automargin: true, dtick: shortSpan ? DAY_MS : undefined,
        // Half a day either side on a short span, so the last day's label is not cut at the edge.
        range: shortSpan ? [plotlyDate(first - DAY_MS / 2), plotlyDate(last + DAY_MS / 2)] : undefined,
        tickformatstops: [{ dtickrange: [null, DAY_MS], value: '%Y-%m-%d' }] },
      // Full numbers, never SI suffixes: "30M" beside "thousands of US dollars" read as 30 million.
      yaxis: { title: { text: c.yTitle }, automargin: true, type: c.yType === 'log' ? 'log' : 'linear', exponentformat: 'none', separatethousands: true },
      yaxis3: { overlaying: 'y', range: [0, 1], visible: false, fixedrange: true },
      shapes: shapes,
      annotations: annotationsShown
    };
    if (c.y2Title) layout.yaxis2 = { title: { text: c.y2Title }, overlaying: 'y', side: 'right', automargin: true, exponentformat: 'none', separatethousands: true };
    // An exported image is named after the series and the view, not "newplot"; it carries the
    // title and the source line, and not the range buttons (they are HTML, outside the plot).
    var fileName = c.fileName || 'kz-indicators-chart';
    var chartConfig = Object.assign({}, config, {
      toImageButtonOptions: { filename: fileName, format: 'png', scale: 2 },
      modeBarButtonsToAdd: [{ name: words.downloadSvg, icon: Plotly.Icons.disk, click: function (gd) { Plotly.downloadImage(gd, { format: 'svg', filename: fileName }); } }]
    });
    Plotly.newPlot(el, traces, layout, chartConfig).then(function () {
      el.setAttribute('data-rendered', 'true');
      if (c.lastActual) rangeButtons(el, c);
    });
  });

  function wrap(text, width) {
    var lines = [''];
    String(text).split(' ').forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last && (last + ' ' + word).length > width) lines.push(word);
      else lines[lines.length - 1] = last ? last + ' ' + word : word;
    });
    return lines.map(function (l) { return l.replace(/&/g, '&amp;').replace(/</g, '&lt;'); }).join('<br>');
  }

  // Range buttons in HTML (reachable by keyboard): count back from the last actual value, not
  // from the end of the axis (projections run years ahead), and fit the y axis to what is visible.
  function rangeButtons(el, c) {
    var group = document.createElement('div');
    group.className = 'ranges';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', words.rangeLabel);
    [[words.ranges[0], 1], [words.ranges[1], 5], [words.ranges[2], 10], [words.ranges[3], 0]].forEach(function (b) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = b[0];
      button.addEventListener('click', function () { showYears(el, c, b[1]); });
      group.appendChild(button);
    });
    el.parentNode.insertBefore(group, el);
  }

  function showYears(el, c, years) {
    if (!years) return Plotly.relayout(el, { 'xaxis.autorange': true, 'yaxis.autorange': true });
    var end = new Date(c.lastActual + 'T00:00:00Z');
    var start = new Date(end.getTime());
    start.setUTCFullYear(end.getUTCFullYear() - years);
    var lo = Infinity, hi = -Infinity;
    el.data.forEach(function (t) {
      if (t.yaxis && t.yaxis !== 'y') return;
      t.x.forEach(function (x, i) {
        var d = new Date(String(x).length === 10 ? x + 'T00:00:00Z' : x), v = t.y[i];
        if (v === null || v === undefined || d < start || d > end) return;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      });
    });
    var update = { 'xaxis.range': [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)] };
    if (lo <= hi) {
      if (c.yType === 'log') { lo = Math.log10(lo); hi = Math.log10(hi); }
      var pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.05 || 1;
      update['yaxis.range'] = [lo - pad, hi + pad];
    }
    Plotly.relayout(el, update);
  }

  // A number as the page's language writes it: 1,234.5 in English, 1 234,5 in Russian (the
  // decimal mark is the language's own; group separators and spaces of every kind are dropped).
  var decimalMark = (1.5).toLocaleString(document.documentElement.lang || 'en').charAt(1);
  function pageNumber(text) {
    var t = text.replace(/[\s\u00a0\u202f%]/g, '').replace('\u2212', '-');
    t = decimalMark === ',' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    return /^-?\d+(\.\d+)?$/.test(t) ? parseFloat(t) : NaN;
  }

  // Tables marked sortable: each column header becomes a button that sorts by it (numbers as numbers).
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll('thead th').forEach(function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var key = function (row) { var n = pageNumber(row.cells[col].textContent); return isNaN(n) ? row.cells[col].textContent : n; };
        Array.prototype.slice.call(body.rows).sort(function (a, b) { var x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * (up ? 1 : -1); })
          .forEach(function (row) { body.appendChild(row); });
      });
    });
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
  // "Compare with" suggests series as one types, from the catalogue search (titles in every
  // language, ids, word forms): the page no longer carries the whole catalogue. Without this
  // script a name is looked up when the form is sent, as before.
  document.querySelectorAll('datalist[data-search]').forEach(function (list) {
    var input = document.querySelector('input[list="' + list.id + '"]');
    if (!input || !window.fetch) return;
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var parts = input.value.split(',');
      var term = parts[parts.length - 1].trim();
      if (term.length < 2) return;
      timer = setTimeout(function () {
        fetch(list.getAttribute('data-search') + '?q=' + encodeURIComponent(term)).then(function (r) { return r.ok ? r.json() : { results: [] }; }).then(function (answer) {
          var head = parts.slice(0, -1).map(function (p) { return p.trim(); }).filter(Boolean);
          list.replaceChildren.apply(list, answer.results.map(function (s) {
            var o = document.createElement('option');
            o.value = head.concat(s.id).join(',');
            o.textContent = s.title;
            return o;
          }));
        }).catch(function () {});
      }, 200);
    });
  });
})();
