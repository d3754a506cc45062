// Money on the pages is in billions (issue "Numbers on the partners page…", item 7). Every value of
// every bundled money series, scaled as the page shows it, against a plain reference that moves the
// decimal point of the published text by hand: no float multiply, so no binary noise.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayScale } from '../../src/domain/display-scale.ts';
import { shownValue } from '../../src/server/view-model.ts';
import { sharedApp } from '../support/app.ts';
import { REPO } from '../support/data-dir.ts';
import { pointMoved } from '../support/decimal-text.ts';

describe('money in billions', () => {
  it('which units scale: amounts of US dollars and euros at any scale but billions; rates, indexes and per-person amounts never', () => {
    expect(displayScale({ unit: 'thousands of US dollars', scale: 'thousands' })).toEqual({ unit: 'billions of US dollars', shift: 6 });
    expect(displayScale({ unit: 'US dollars', scale: 'units' })).toEqual({ unit: 'billions of US dollars', shift: 9 });
    expect(displayScale({ unit: 'millions of euros', scale: 'millions' })).toEqual({ unit: 'billions of euros', shift: 3 });
    expect(displayScale({ unit: 'euros', scale: 'units' })).toEqual({ unit: 'billions of euros', shift: 9 });
    for (const unit of ['billions of US dollars', 'US dollars per person', 'percent of GDP', 'tenge per 1 USD', 'index']) expect(displayScale({ unit, scale: unit.startsWith('billions') ? 'billions' : 'units' }), unit).toBeNull();
  });

  it('every value of every bundled money series is its published text with the point moved', async () => {
    const { repo } = await sharedApp(path.join(REPO, 'data'));
    let checked = 0;
    for (const entry of repo.list()) {
      const scale = displayScale(entry.meta);
      if (!scale) continue;
      const d = { shown: { unitLabel: scale.unit, shift: scale.shift } };
      for (const o of entry.observations) {
        expect(String(shownValue(d, o.value)), `${entry.meta.id} ${o.date}`).toBe(String(Number(pointMoved(o.value, scale.shift))));
        checked++;
      }
    }
    // BNS, DOTS, Comtrade, Comext, wiiw and WDI's dollars: tens of thousands of values.
    expect(checked).toBeGreaterThan(30_000);
  });
});
