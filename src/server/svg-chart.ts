// The chart as SVG, rendered on the server from the same payload that feeds Plotly: what prints,
// what a screen reader and a browser without JavaScript get, and what a phone shows first.
// Scales and paths come from d3 (d3-scale, d3-shape), not hand-rolled geometry.
import { scaleLinear, scaleLog, scaleUtc, type ScaleLinear, type ScaleLogarithmic, type ScaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartPayload } from './view-model.ts';
import { escapeHtml, numberHelpers } from './view-helpers.ts';

const M = { top: 44, right: 24, left: 64 };

/** Words into lines of at most `width` characters (SVG text does not wrap by itself). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** d3's tick label (English separators) in the page's language: the same digits, its separators. */
function inLanguage(label: string, lang: string | undefined): string {
  if (!lang || lang === 'en') return label;
  const n = Number(label.replace(/,/g, '').replace('−', '-'));
  if (!Number.isFinite(n)) return label;
  const decimals = label.split('.')[1]?.replace(/[^0-9]/g, '').length ?? 0;
  return numberHelpers(lang).fmtFixed(n, decimals);
}

const day = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

/**
 * Labels at the ticks' own precision: years when every tick is a 1 January, months when every
 * tick is a 1st, else days, so no two ticks read alike. The data are at most daily: a tick
 * inside a day (d3 offers hours on a span of a few days) is dropped.
 */
function xTicks(ticks: Date[]): Array<{ at: Date; label: string }> {
  const days = ticks.filter((t) => t.getTime() % 86_400_000 === 0);
  const width = days.every((t) => t.getUTCMonth() === 0 && t.getUTCDate() === 1) ? 4 : days.every((t) => t.getUTCDate() === 1) ? 7 : 10;
  return days.map((at) => ({ at, label: at.toISOString().slice(0, width) }));
}

/**
 * `key` keeps the SVG's title and description ids unique on a page with several charts; `W` is the
 * drawing's width (a wide one for screens, a narrow one a phone shows at a readable size).
 */
export function svgChart(c: ChartPayload, key = 'chart', W = 900): string {
  const traces = c.traces.filter((t) => t.yaxis === 'y');
  // Room below the plot for the axis labels, one legend line per series and the source line.
  const legendLines = traces.filter((t) => t.legend !== false).length;
  const sourceLines = wrapText(c.source ?? '', Math.floor((W - M.left) / 6.2));
  const bottom = 52 + 16 * legendLines + 14 * sourceLines.length;
  // A title longer than the drawing wraps (15 px text, about 8.4 px a character); the plot moves down, keeping its height.
  const titleLines = wrapText(c.title, Math.floor((W - 24) / 8.4));
  const top = M.top + 18 * (titleLines.length - 1);
  const H = 330 + bottom + (top - M.top);
  const points = traces.flatMap((t) => t.x.map((x, i) => ({ x: day(x), y: t.y[i] })).filter((p) => p.y !== null && (c.yType !== 'log' || (p.y as number) > 0)));
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${key}-svg-title ${key}-svg-desc" class="svg-chart" preserveAspectRatio="xMidYMid meet">`;
  const titles = `<title id="${key}-svg-title">${escapeHtml(c.title)}</title><desc id="${key}-svg-desc">${escapeHtml(c.ariaLabel)}</desc>`;
  if (!points.length) return `${head}${titles}<text x="${W / 2}" y="${H / 2}" text-anchor="middle">${escapeHtml(c.emptyText ?? 'No values in this view.')}</text></svg>`;
  const xs = points.map((p) => p.x.getTime());
  const ys = points.map((p) => p.y as number);
  const x = scaleUtc()
    .domain([new Date(Math.min(...xs)), new Date(Math.max(...xs))])
    .range([M.left, W - M.right]);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const y = (c.yType === 'log' ? scaleLog().domain([lo, hi]) : scaleLinear().domain([Math.min(lo, hi === lo ? lo - 1 : lo), hi === lo ? hi + 1 : hi])).nice().range([H - bottom, top]);
  const f: Frame = { W, H, top, bottom, x, y };
  const out: string[] = [head, titles, `<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`, ...shapesSvg(c, f), ...axesSvg(c, f)];
  const legend = linesSvg(c, traces, f, out);
  titleLines.forEach((l, i) => out.push(`<text x="${W / 2}" y="${24 + 18 * i}" text-anchor="middle" font-size="15" fill="#1d2733">${escapeHtml(l)}</text>`));
  out.push(`<text transform="translate(16,${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#333">${escapeHtml(c.yTitle)}</text>`);
  legend.forEach((l, i) => {
    const ly = H - bottom + 40 + i * 16;
    out.push(`<line x1="${M.left}" x2="${M.left + 24}" y1="${ly}" y2="${ly}" stroke="${l.color}" stroke-width="2"/><text x="${M.left + 30}" y="${ly}" dy="0.32em" font-size="12" fill="#333">${escapeHtml(l.name)}</text>`);
  });
  sourceLines.forEach((l, i) => out.push(`<text x="${M.left}" y="${H - 8 - 14 * (sourceLines.length - 1 - i)}" font-size="11" fill="#5f6b7a">${escapeHtml(l)}</text>`));
  out.push('</svg>');
  return out.join('');
}

/** The drawing's size, the plot's top and bottom margins, and its scales. */
interface Frame {
  W: number;
  H: number;
  top: number;
  bottom: number;
  x: ScaleTime<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
}

/** Events and highlighted windows, shaded, with a marker on the axis. */
function shapesSvg(c: ChartPayload, { W, H, top, bottom, x }: Frame): string[] {
  const out: string[] = [];
  for (const s of c.shapes) {
    const x0 = x(day(s.x0));
    const x1 = Math.max(x0 + 2, x(day(s.x1)));
    if (x1 < M.left || x0 > W - M.right) continue;
    out.push(`<rect x="${x0.toFixed(1)}" y="${top}" width="${(x1 - x0).toFixed(1)}" height="${H - bottom - top}" fill="${s.kind === 'highlight' ? 'rgba(200,148,42,0.25)' : 'rgba(31,95,139,0.15)'}"><title>${escapeHtml(s.label)}</title></rect>`);
    out.push(`<path d="M${x0.toFixed(1)},${H - bottom + 1}l-5,8h10z" fill="#c8942a"><title>${escapeHtml(s.label)}</title></path>`);
  }
  return out;
}

/** Axes: grid lines and labels from the scales' own ticks. */
function axesSvg(c: ChartPayload, { W, H, bottom, x, y }: Frame): string[] {
  const out: string[] = [];
  for (const t of y.ticks(W > 600 ? 6 : 5)) {
    const py = y(t).toFixed(1);
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py}" y2="${py}" stroke="#e5e9ee"/><text x="${M.left - 8}" y="${py}" dy="0.32em" text-anchor="end" font-size="12" fill="#333">${escapeHtml(inLanguage(y.tickFormat(6)(t), c.lang))}</text>`);
  }
  for (const { at, label } of xTicks(x.ticks(W > 600 ? 8 : 4))) {
    const px = x(at).toFixed(1);
    // A label at the right end would be cut by the drawing's edge: end it at its tick instead.
    const anchor = x(at) + label.length * 3.5 > W ? 'end' : 'middle';
    out.push(`<line x1="${px}" x2="${px}" y1="${H - bottom}" y2="${H - bottom + 5}" stroke="#999"/><text x="${px}" y="${H - bottom + 20}" text-anchor="${anchor}" font-size="12" fill="#333">${label}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - bottom}" y2="${H - bottom}" stroke="#999"/>`);
  return out;
}

/** Lines: a gap where a value is missing; projections dashed in the series' own colour. Returns the legend. */
function linesSvg(c: ChartPayload, traces: ChartPayload['traces'], { x, y }: Frame, out: string[]): Array<{ name: string; color: string }> {
  const path = line<{ x: Date; y: number | null }>()
    .defined((p) => p.y !== null && (c.yType !== 'log' || p.y > 0))
    .x((p) => x(p.x))
    .y((p) => y(p.y as number));
  const legend: Array<{ name: string; color: string }> = [];
  for (const t of traces) {
    const color = t.color ?? '#1f5f8b';
    const d = path(t.x.map((xv, i) => ({ x: day(xv), y: t.y[i] })));
    if (d) out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${t.dash ? ` stroke-dasharray="${t.dash === 'dash' ? '7,5' : '2,4'}"` : ''}/>`);
    if (t.legend !== false) legend.push({ name: t.name, color });
  }
  return legend;
}

/** The chart for wide screens and for phones (CSS shows one), rendered once per cached view. */
export function svgCharts(c: ChartPayload, key = 'chart'): string {
  return `<div class="svg-wide">${svgChart(c, `${key}-wide`, 900)}</div><div class="svg-narrow">${svgChart(c, `${key}-narrow`, 480)}</div>`;
}
