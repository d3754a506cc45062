// Checks run on built data before anything is written. Any issue aborts the source's job,
// so the last good processed files stay exactly as they were.
import { PipelineError } from '../domain/errors.ts';
import { isValidDate, SERIES_ID } from '../domain/series.ts';
import type { BuiltSeries, ValidationIssue } from '../domain/source-data.ts';
import type { SourceConnector } from '../sources/connector.ts';

export function validateBuilt(connector: SourceConnector, series: Map<string, BuiltSeries>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const id of connector.expectedSeries()) {
    if (!series.has(id)) issues.push({ code: 'EXPECTED_SERIES_MISSING', series: id, message: `expected series ${id} is not in the data` });
  }
  // The same dates recur across series (40 currencies a day): check each date once per frequency.
  const validDates = new Map<string, Set<string>>();
  for (const [id, s] of series) {
    if (!SERIES_ID.test(id)) issues.push({ code: 'BAD_SERIES_ID', series: id, message: `series id ${JSON.stringify(id)} is not <source>.<code>[.<country>]` });
    const frequency = s.description.frequency;
    let valid = validDates.get(frequency);
    if (!valid) validDates.set(frequency, (valid = new Set()));
    for (const v of s.vintages) {
      let prev = '';
      const obs = v.observations;
      for (let i = 0; i < obs.length; i++) {
        const o = obs[i];
        if (!valid.has(o.date)) {
          if (isValidDate(o.date, frequency)) valid.add(o.date);
          else issues.push({ code: 'BAD_DATE', series: id, date: o.date, message: `date ${JSON.stringify(o.date)} is not a valid ${s.description.frequency} ISO date` });
        }
        if (typeof o.value !== 'number' || !Number.isFinite(o.value)) {
          issues.push({ code: 'NOT_A_NUMBER', series: id, date: o.date, message: `value ${String(o.value)} is not a finite number` });
        }
        if (o.date <= prev) issues.push({ code: 'DUPLICATE_DATE', series: id, date: o.date, message: `date ${o.date} repeats or is out of order` });
        prev = o.date;
      }
    }
    if (s.vintages.every((v) => v.observations.length === 0)) {
      issues.push({ code: 'EMPTY_SERIES', series: id, message: `series ${id} has no observations` });
    }
  }
  issues.push(...(connector.validate?.(series) ?? []));
  return issues;
}

/** Throw VALIDATION_FAILED naming the first issue (and carrying up to 20) when the build has any. */
export function assertValid(connector: SourceConnector, series: Map<string, BuiltSeries>): void {
  const issues = validateBuilt(connector, series);
  if (!issues.length) return;
  const first = issues[0];
  throw new PipelineError(
    'VALIDATION_FAILED',
    `${connector.name}: ${issues.length} problem(s) in the data, nothing written. First: [${first.code}] ${first.message}`,
    { source: connector.name, series: first.series, date: first.date, issues: issues.slice(0, 20) },
  );
}
