// One rebuild in a fresh process, for a clean peak-RSS figure (used by bench/pipeline.ts).
import { loadConfig } from '../src/config.ts';
import { allJobs } from '../pipelines/index.ts';
import { rebuildAll } from '../src/runner/rebuild.ts';

const dir = process.argv[2];
const t = performance.now();
const cpu = process.cpuUsage();
const res = await rebuildAll(dir, allJobs(loadConfig({ DATA_DIR: dir })));
const ms = performance.now() - t;
const used = process.cpuUsage(cpu);
if (res.some((r) => r.outcome !== 'success')) throw new Error('rebuild failed');
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapUsed: process.memoryUsage().heapUsed }));
