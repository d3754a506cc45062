// SDMX data messages from the IMF, in the two shapes we meet:
//  - SDMX-ML structure-specific (api.imf.org, SDMX 2.1 and 3.0): dimensions and attributes are
//    XML attributes on <Series>, observations are <Obs TIME_PERIOD= OBS_VALUE=/>, and <Group>
//    attributes (UNIT, …) apply to the series that share their keys. Values are in full units:
//    SCALE is a display hint, never a multiplier.
// (The legacy dataservices CompactData JSON, a service that is gone, is read only by a test that
// cross-checks SCALE against it: tests/support/legacy-compact-json.ts.)
import { PipelineError, type ErrorContext } from '../../domain/errors.ts';
import { assertNotHtml, isRecord, parseXmlBody } from './body-checks.ts';

export interface SdmxSeries {
  /** Dimension values and series attributes (group attributes merged in). */
  attributes: Record<string, string>;
  observations: Array<{ period: string; value: number }>;
}

export interface SdmxMessage {
  prepared?: string;
  dataSetAttributes: Record<string, string>;
  series: SdmxSeries[];
}

export function toArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** '2023', '2024-Q1', '2024-03' or '2024-M03' → ISO period ('2024-03'). */
export function normalisePeriod(p: string, ctx: ErrorContext): string {
  if (/^\d{4}$/.test(p) || /^\d{4}-Q[1-4]$/.test(p) || /^\d{4}-(0[1-9]|1[0-2])$/.test(p)) return p;
  const m = /^(\d{4})-?M(0[1-9]|1[0-2])$/.exec(p);
  if (m) return `${m[1]}-${m[2]}`;
  throw new PipelineError('SDMX_BAD_PERIOD', `TIME_PERIOD ${JSON.stringify(p)} is not a year, quarter or month`, ctx);
}

export function number(text: string, ctx: ErrorContext): number {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) throw new PipelineError('SDMX_BAD_VALUE', `OBS_VALUE ${JSON.stringify(text)} is not a number`, ctx);
  return Number(text);
}

export function parseStructureSpecific(body: Buffer, ctx: ErrorContext): SdmxMessage {
  assertNotHtml(body, undefined, ctx);
  const doc = parseXmlBody(body, ctx, {
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name: string) => ['Series', 'Obs', 'Group', 'Comp', 'DataSet'].includes(name),
  });
  const msg = doc.StructureSpecificData;
  if (!isRecord(msg)) {
    const root = Object.keys(doc).filter((k) => k !== '?xml').join(', ');
    throw new PipelineError('SDMX_SCHEMA_CHANGED', `answer is not an SDMX StructureSpecificData message (root: ${root || 'none'})`, ctx);
  }
  const header = isRecord(msg.Header) ? msg.Header : {};
  const dataSets = toArray(msg.DataSet as unknown[]).filter(isRecord);
  const out: SdmxMessage = { prepared: typeof header.Prepared === 'string' ? header.Prepared : undefined, dataSetAttributes: {}, series: [] };
  for (const ds of dataSets) {
    for (const [k, v] of Object.entries(ds)) if (typeof v === 'string') out.dataSetAttributes[k] = v;
    const groups = toArray(ds.Group as unknown[]).filter(isRecord).map((g) => {
      const keys: Record<string, string> = {};
      for (const [k, v] of Object.entries(g)) if (typeof v === 'string' && k !== 'type') keys[k] = v;
      const attrs: Record<string, string> = {};
      for (const c of toArray(g.Comp as unknown[]).filter(isRecord)) {
        const value = isRecord(c) ? c.Value : undefined;
        if (typeof c.id === 'string' && (typeof value === 'string' || typeof value === 'number')) attrs[c.id] = String(value);
      }
      return { keys, attrs };
    });
    for (const s of toArray(ds.Series as unknown[]).filter(isRecord)) {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(s)) if (typeof v === 'string') attributes[k] = v;
      for (const g of groups) {
        if (Object.entries(g.keys).every(([k, v]) => attributes[k] === v)) for (const [k, v] of Object.entries(g.attrs)) attributes[k] ??= v;
      }
      const observations = toArray(s.Obs as unknown[]).filter(isRecord).flatMap((o) => {
        if (typeof o.OBS_VALUE !== 'string' || o.OBS_VALUE === '' || o.OBS_VALUE === 'NaN') return [];
        const octx = { ...ctx, series: JSON.stringify(attributes), date: String(o.TIME_PERIOD) };
        return [{ period: normalisePeriod(String(o.TIME_PERIOD ?? ''), octx), value: number(o.OBS_VALUE, octx) }];
      });
      out.series.push({ attributes, observations });
    }
  }
  return out;
}
