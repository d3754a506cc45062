import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SETTINGS, loadConfig, OTHER_SETTINGS } from '../../src/config.ts';
import { JOBS, loadJobConfig } from '../../pipelines/index.ts';
import { REPO } from '../support/data-dir.ts';

describe('loadConfig', () => {
  it('works with no environment at all, with every job setting at its default', () => {
    const c = loadJobConfig({});
    expect(c).toMatchObject({ port: 3000, schedule: true, refreshToken: undefined, httpTimeoutMs: 30000, httpRetries: 3 });
    expect(c.dataDir).toBe(path.resolve('./data'));
    for (const s of JOBS.flatMap((j) => j.settings)) expect(c.settings[s.name]).toBe(s.default);
    expect(Object.isFrozen(c) && Object.isFrozen(c.settings)).toBe(true);
  });
  it('takes a job setting from the environment and strips a trailing slash', () => {
    expect(loadJobConfig({ NBK_RATES_URL: 'http://127.0.0.1:9/rss/' }).settings.NBK_RATES_URL).toBe('http://127.0.0.1:9/rss');
  });
  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" must be an integer between 0 and 65535/],
    [{ PORT: '70000' }, /PORT/],
    [{ HTTP_RETRIES: '11' }, /HTTP_RETRIES/],
    [{ HTTP_TIMEOUT_MS: '' }, /HTTP_TIMEOUT_MS/],
    [{ SCHEDULE: 'sometimes' }, /SCHEDULE must be on or off/],
    [{ REFRESH_TOKEN: 'short' }, /at least 16 characters/],
    [{ IMF_DATAMAPPER_URL: 'not a url' }, /IMF_DATAMAPPER_URL="not a url" is not a URL/],
    [{ NBK_RATES_URL: 'ftp://x/y' }, /NBK_RATES_URL must be http\(s\)/],
    [{ WORLDBANK_API_URL: 'https://user:pw@api.worldbank.org/v2' }, /must not carry credentials/],
  ])('refuses %j with a message naming the setting', (env, msg) => {
    expect(() => loadJobConfig(env)).toThrow(msg);
  });
  it('refuses a setting two jobs both declare', () => {
    const s = { name: 'X_URL', default: 'http://x', kind: 'url' as const, description: '' };
    expect(() => loadConfig({}, [s, s])).toThrow(/X_URL is declared twice/);
  });
  it('.env.example documents every setting there is', () => {
    const example = fs.readFileSync(path.join(REPO, '.env.example'), 'utf8');
    const names = [...OTHER_SETTINGS, ...CORE_SETTINGS.map((s) => s.name), ...JOBS.flatMap((j) => j.settings.map((s) => s.name))];
    for (const n of names) expect(example, n).toMatch(new RegExp(`^${n}=`, 'm'));
  });
});
