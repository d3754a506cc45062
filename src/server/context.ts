// What every route receives: the dependencies the entry point injects, plus what the app
// builds once (assets, the response cache, the cache version).
import type { Config } from '../config.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import type { JobDefinition } from '../runner/job.ts';
import type { DataRepository } from '../store/repository.ts';
import type { AverageBasis } from '../transform/aggregate.ts';
import type { loadAssets } from './assets.ts';
import type { ProductContent } from './content.ts';
import type { RefreshController } from './refresh-controller.ts';
import type { ResponseCache } from './response-cache.ts';

export interface AppDeps {
  config: Config;
  jobs: JobDefinition[];
  repo: DataRepository;
  controller: RefreshController;
  content: ProductContent;
  nextRun: (job: string) => Date | null;
  now?: () => Date;
  root?: string;
}

export interface AppContext extends Required<Omit<AppDeps, 'root'>> {
  root: string;
  cache: ResponseCache;
  /** Changes when the data, the run history, a running refresh or the day changes. */
  cacheVersion(): Promise<string>;
  assets: ReturnType<typeof loadAssets>;
  /** Every source's words (id schemes, title phrases), from the jobs. */
  vocabulary: Vocabulary;
  /** NBK daily averages default to the basis that matches NBK's and the World Bank's annual averages. */
  defaultBasis: AverageBasis;
}
