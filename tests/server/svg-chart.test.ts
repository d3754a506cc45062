// The server's SVG axis never shows a time of day or one label twice: the data are at most daily.
import { describe, expect, it } from 'vitest';
import { svgChart } from '../../src/server/svg-chart.ts';
import type { ChartPayload } from '../../src/server/view-model.ts';

function chart(x: string[]): ChartPayload {
  return {
    title: 't', ariaLabel: 'a', yTitle: 'y', y2Title: null, shapes: [],
    traces: [{ id: 's', name: 's', x, y: x.map((_, i) => 50 - i / 10), yaxis: 'y', mode: 'lines' }],
  };
}

/** The x axis labels (the y axis's carry a dy), in drawing order. */
function xTicks(svg: string): Array<{ x: number; anchor: string; label: string }> {
  return [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="(middle|end)" font-size="12" fill="#333">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), anchor: m[2], label: m[3] }));
}

describe('SVG chart x axis', () => {
  it.each([
    ['two days (a currency quoted on two dates)', ['2026-04-01', '2026-04-02'], /^\d{4}-\d{2}-\d{2}$/],
    ['ten days', Array.from({ length: 10 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`), /^\d{4}-\d{2}-\d{2}$/],
    ['four months', ['2026-01-01', '2026-02-15', '2026-05-01'], /^\d{4}-\d{2}(-\d{2})?$/],
    ['two years', ['2024-01-01', '2025-12-31'], /^\d{4}(-\d{2})?$/],
    ['twenty years', ['2005-01-01', '2025-01-01'], /^\d{4}$/],
  ])('%s: labels are distinct dates at the ticks\' own precision', (_name, x, shape) => {
    for (const W of [900, 390]) {
      const ticks = xTicks(svgChart(chart(x), 'c', W));
      const labels = ticks.map((t) => t.label);
      // Inside the drawing (12 px text is about 7 px a character): no label cut at the edge.
      for (const t of ticks) expect(t.anchor === 'end' ? t.x : t.x + t.label.length * 3.5, `${t.label} at ${W}`).toBeLessThanOrEqual(W);
      expect(labels.length, labels.join(' ')).toBeGreaterThanOrEqual(2);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
      for (const l of labels) expect(l).toMatch(shape);
    }
  });
});

describe('SVG chart title', () => {
  it('a title too long for the drawing wraps onto lines that fit, the plot keeps its height below them', () => {
    const long = 'Доля партнёров в структуре товарооборота (экспорт + импорт) Казахстана (%)';
    for (const W of [900, 480]) {
      const svg = svgChart({ ...chart(['2020-01-01', '2021-01-01']), title: long }, 'c', W);
      const lines = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle" font-size="15" fill="#1d2733">([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(lines.join(' ')).toBe(long);
      // 15 px text is at most about 8.4 px a character: every line fits inside the drawing.
      for (const l of lines) expect(l.length * 8.4, `${l} at ${W}`).toBeLessThanOrEqual(W - 24);
    }
    const one = svgChart({ ...chart(['2020-01-01', '2021-01-01']), title: long }, 'c', 900);
    const two = svgChart({ ...chart(['2020-01-01', '2021-01-01']), title: long }, 'c', 480);
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
    expect(height(two)).toBeGreaterThan(height(one));
  });
});
