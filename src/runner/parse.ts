// Dispatch a snapshot to the connector parser it names (the one place that owns the
// unknown-parser error), with a cache so repeated builds in one process do not re-parse.
import { PipelineError } from '../domain/errors.ts';
import type { ParseResult, RawMeta } from '../domain/source-data.ts';
import type { SourceConnector } from '../sources/connector.ts';

/** Parse results by sha256 + parser + request + vintage. */
export type ParseCache = Map<string, ParseResult>;

export async function parseWith(connector: SourceConnector, meta: RawMeta, bytes: Buffer, cache?: ParseCache): Promise<ParseResult> {
  const key = cache && `${connector.name}:${meta.sha256}:${meta.parser}:${JSON.stringify(meta.request ?? {})}:${meta.vintage ?? ''}`;
  const hit = key ? cache!.get(key) : undefined;
  if (hit) return hit;
  const parser = Object.hasOwn(connector.parsers, meta.parser) ? connector.parsers[meta.parser] : undefined;
  if (!parser) {
    throw new PipelineError('UNKNOWN_PARSER', `${connector.name} has no parser ${JSON.stringify(meta.parser)} (it has: ${Object.keys(connector.parsers).join(', ')})`, {
      source: connector.name,
    });
  }
  const result = await parser(bytes, meta);
  if (key) cache!.set(key, result);
  return result;
}
