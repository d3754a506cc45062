import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedRates, feedAnswerDate } from '../../src/sources/nbk/feed.ts';
import { fixture } from '../support/data-dir.ts';
import { PipelineError } from '../../src/domain/errors.ts';

const meta = (date?: string) => ({ url: 'http://test/rss/get_rates.cfm', contentType: 'text/xml; charset=UTF-8', request: date ? { date } : undefined });

describe('NBK get_rates.cfm parser on real recorded answers', () => {
  it('reads all 39 currencies of 1 April 2026 and divides by quant per row', async () => {
    const { date, rates } = parseFeedRates(await fixture('nbk/get_rates_fdate=2026-04-01.xml'), meta('2026-04-01'));
    expect(date).toBe('2026-04-01');
    expect(rates).toHaveLength(39);
    const by = Object.fromEntries(rates.map((r) => [r.code, r]));
    expect(by.USD).toMatchObject({ description: '478.77', quant: '1', perUnit: 478.77 });
    // Quoted per 100 and per 1000 units in April 2026.
    expect(by.UZS.quant).toBe('100');
    expect(by.UZS.perUnit).toBe(Number(by.UZS.description) / 100);
    expect(by.IRR.quant).toBe('1000');
    expect(by.IRR.perUnit).toBe(0.0004); // 0.4 per 1000, exact in decimal
  });

  it('agrees with the bundled history for the same date (both are NBK official rates)', async () => {
    const { rates } = parseFeedRates(await fixture('nbk/get_rates_fdate=2026-04-02.xml'), meta('2026-04-02'));
    const by = Object.fromEntries(rates.map((r) => [r.code, r.perUnit]));
    // Row 2026-04-02 of nbk_official_rates_daily_2005-2026.csv
    expect(by.USD).toBe(475.09);
    expect(by.UZS).toBe(0.0391);
    expect(by.RUB).toBe(5.87);
  });

  it('reads the trimmed 2025 fixture (no XML declaration, 2 items), and refuses it as a whole answer: it has no USD', async () => {
    const body = await fixture('nbk/get_rates_2025-05-12_trimmed_fixture_rustem-kaimolla-kz-currency-rates.xml');
    expect(parseFeedRates(body, meta('2025-05-12')).rates.map((r) => [r.code, r.perUnit])).toEqual([
      ['AUD', 331.12],
      ['AZN', 304.43],
    ]);
    // A real answer always quotes the US dollar; one without it is broken, not a day to store.
    expect(() => parseFeed(body, meta('2025-05-12'))).toThrow(expect.objectContaining({ code: 'NBK_CURRENCY_MISSING' }));
  });

  it('stores every currency the answer carries, quant-aware, named in English whether configured or not', async () => {
    const { series } = parseFeed(await fixture('nbk/get_rates_fdate=2026-04-01.xml'), meta('2026-04-01'));
    expect(series).toHaveLength(39);
    const by = Object.fromEntries(series.map((s) => [s.id, s]));
    // The partners' currencies the configured list of 15 used to drop.
    for (const id of ['nbk.TJS', 'nbk.AZN', 'nbk.KRW', 'nbk.INR', 'nbk.IRR', 'nbk.XDR']) expect(by[id], id).toBeDefined();
    expect(by['nbk.IRR'].observations).toEqual([{ date: '2026-04-01', value: 0.0004 }]);
    expect(by['nbk.TJS'].description.title).toBe('Official rate: tenge per Tajikistani Somoni (TJS)');
    expect(by['nbk.TJS'].description.unit).toBe('tenge per 1 TJS');
    expect(by['nbk.USD'].description.title).toBe('Official rate: tenge per US dollar (USD)');
  });

  it('refuses an answer for another date than asked (the feed answers old dates with today\'s rates)', async () => {
    const body = await fixture('nbk/get_rates_fdate=2026-04-02.xml');
    expect(feedAnswerDate(body)).toBe('2026-04-02');
    expect(() => parseFeedRates(body, meta('2019-03-01'))).toThrowError(expect.objectContaining({ code: 'NBK_DATE_NOT_IN_ARCHIVE' }));
  });

  it.each([
    ['non-numeric rate', (s: string) => s.replace('<description>478.77</description>', '<description>n/a</description>'), 'NBK_BAD_RATE'],
    ['duplicate currency', (s: string) => s.replace('</rates>', '<item><title>USD</title><description>1</description><quant>1</quant></item></rates>'), 'NBK_DUPLICATE_CURRENCY'],
    ['no items', (s: string) => s.replace(/<item>[\s\S]*<\/item>/, ''), 'NBK_NO_ITEMS'],
    ['malformed XML', (s: string) => s.replace('</title>', ''), 'BAD_XML'],
    ['truncated', (s: string) => s.slice(0, 5000), 'BAD_XML'],
    ['HTML error page', () => '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>down</body></html>', 'HTML_INSTEAD_OF_DATA'],
    ['zero quant', (s: string) => s.replace('<quant>1</quant>', '<quant>0</quant>'), 'NBK_BAD_QUANT'],
  ])('fails with a coded error on %s (real bytes, edited)', async (_name, edit, code) => {
    const body = Buffer.from(edit((await fixture('nbk/get_rates_fdate=2026-04-01.xml')).toString('utf8')));
    let err: unknown;
    try {
      parseFeedRates(body, meta('2026-04-01'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).code).toBe(code);
    expect((err as PipelineError).context.url).toBe('http://test/rss/get_rates.cfm');
  });
});

describe('rate per unit', () => {
  it('shifts the decimal point exactly for quants of 1, 10, 100, 1000, and equals decimal division everywhere', async () => {
    const { Decimal } = await import('decimal.js');
    const { ratePerUnit } = await import('../../src/sources/nbk/describe.ts');
    expect(ratePerUnit('31.29', '100')).toBe(0.3129);
    expect(ratePerUnit('0.4', '1000')).toBe(0.0004);
    expect(ratePerUnit('3', '10')).toBe(0.3);
    expect(ratePerUnit('1560.02', '1')).toBe(1560.02);
    for (const quant of ['1', '10', '100', '1000', '7']) {
      for (let i = 1; i < 3000; i += 7) {
        const description = `${Math.floor(i / 3)}.${String(i % 100).padStart(2, '0')}`;
        expect(ratePerUnit(description, quant), `${description}/${quant}`).toBe(new Decimal(description).div(quant).toNumber());
      }
    }
  });
});
