// What a job is: a source connector plus when to run it and how fresh its data should be.
// Job definitions live in pipelines/; this file is the shape they share.
import type { SourceConnector } from '../sources/connector.ts';

export interface JobDefinition {
  /** Job name = source name: 'imf', 'nbk', 'worldbank', 'imts'. */
  name: string;
  connector: SourceConnector;
  schedule: { cron: string; timezone: string; description: string };
  /** Data older than this (since the provider's last new value) is flagged stale. */
  expectedCadenceDays: number;
}
