// The legacy IMF dataservices CompactData JSON (the service is gone): `Series` and `Obs` are an
// object when there is one and an array when there are several, and values are in units of
// 10^UNIT_MULT. Only a test reads it, to cross-check the live parser's SCALE rule on a DOT/IMTS pair.
import { PipelineError, type ErrorContext } from '../../src/domain/errors.ts';
import { isRecord, parseJsonBody } from '../../src/sources/shared/body-checks.ts';
import { normalisePeriod, number, toArray, type SdmxMessage } from '../../src/sources/shared/sdmx.ts';

export function parseLegacyCompactJson(body: Buffer, ctx: ErrorContext): SdmxMessage {
  const json = parseJsonBody(body, ctx);
  const cd = isRecord(json) ? json.CompactData : undefined;
  if (!isRecord(cd)) throw new PipelineError('SDMX_SCHEMA_CHANGED', 'answer has no CompactData object', ctx);
  const header = isRecord(cd.Header) ? cd.Header : {};
  const ds = isRecord(cd.DataSet) ? cd.DataSet : {};
  const series = toArray(ds.Series as unknown).filter(isRecord).map((s) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(s)) if (k.startsWith('@') && typeof v === 'string') attributes[k.slice(1)] = v;
    const mult = 10 ** Number(attributes.UNIT_MULT ?? 0);
    const observations = toArray(s.Obs as unknown).filter(isRecord).map((o) => {
      const octx = { ...ctx, date: String(o['@TIME_PERIOD']) };
      // Legacy values are in units of 10^UNIT_MULT; scale them to full units.
      return { period: normalisePeriod(String(o['@TIME_PERIOD']), octx), value: number(String(o['@OBS_VALUE']), octx) * mult };
    });
    return { attributes, observations };
  });
  return { prepared: typeof header.Prepared === 'string' ? header.Prepared : undefined, dataSetAttributes: {}, series };
}
