// JSON API: the catalogue, one series with the same transform parameters as the pages,
// status, and the token-protected manual refresh. Errors are JSON with a message.
import { Router, type NextFunction, type Request, type Response } from 'express';
import crypto from 'node:crypto';
import express from 'express';
import type { AppContext } from '../context.ts';
import { parseViewParams } from '../view-params.ts';
import { ApiSeriesQuery, EmptyQuery, parseQuery, RefreshBody, SearchQuery } from '../query-schemas.ts';
import { searchSeries } from '../series-search.ts';
import { NotFound } from '../http-error.ts';
import { buildSeriesView } from '../view-model.ts';
import { viewCsv } from '../downloads.ts';
import { statuses } from '../status.ts';
import { HttpError } from '../http-error.ts';

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** A body, when there is one, must be JSON (a text/plain body was ignored and widened the refresh to every source). */
function refreshBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) throw new HttpError(415, 'POST /api/refresh takes an application/json body, e.g. {"source":"nbk"}, or none (every source).');
  next();
}

function jsonObject(req: Request, _res: Response, next: NextFunction): void {
  const b = req.body as unknown;
  if (b !== undefined && (typeof b !== 'object' || b === null || Array.isArray(b))) throw new HttpError(400, 'the body must be a JSON object such as {"source":"nbk"}');
  next();
}

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/api/series', async (req, res) => {
    parseQuery(EmptyQuery, req.query as Record<string, unknown>);
    await ctx.cache.send(req, res, `catalogue:${ctx.repo.version}`, 'application/json; charset=utf-8', async () => ({ body: catalogueJson(ctx) }));
  });
  r.get('/api/series/:id', (req, res) => seriesAnswer(ctx, req, res));
  // Series found by name (titles in every language, ids, word forms), for "compare with": the titles
  // in the page's language (/ru/api/search answers in Russian).
  r.get('/api/search', async (req, res) => {
    const { q } = parseQuery(SearchQuery, req.query as Record<string, unknown>);
    const titleIn = res.locals.titleIn as (m: { id: string; title: string }) => string;
    res.json({ results: searchSeries(ctx.repo, q, ctx.vocabulary).map((e) => ({ id: e.meta.id, title: titleIn(e.meta) })) });
  });
  r.get('/api/status', async (req, res) => {
    parseQuery(EmptyQuery, req.query as Record<string, unknown>);
    res.json({ running: ctx.controller.running ?? null, sources: await statuses(ctx), damaged: ctx.repo.damaged() });
  });
  const authorised = refreshAuthorisation(ctx);
  r.post('/api/refresh', refreshBody, express.json({ limit: '2kb', strict: false }), jsonObject, authorised, async (req: Request, res: Response) => {
    const jobs = requestedJobs(ctx, req);
    // Another process (the CLI, a second server) holds the lock: the refusal is recorded and said.
    const { id, started, refused } = await ctx.controller.start(jobs, 'manual');
    if (refused) {
      res.status(409).json({ error: refused.message, runId: id, holder: refused.holder ?? null });
      return;
    }
    res.status(202).json({ runId: id, started, status: '/api/status' });
  });
  return r;
}

function catalogueJson(ctx: AppContext): string {
  return JSON.stringify({
    series: ctx.repo.list().map((e) => ({
      id: e.meta.id,
      title: e.meta.title,
      unit: e.meta.unit,
      frequency: e.meta.frequency,
      source: e.meta.source.name,
      vintage: e.meta.vintage.label,
      coverage: e.meta.coverage,
      retrievedAt: e.meta.retrievedAt,
      url: `/api/series/${e.meta.id}`,
    })),
  });
}

async function seriesAnswer(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const entry = ctx.repo.get(String(req.params.id));
  if (!entry) throw new NotFound(`There is no series ${JSON.stringify(req.params.id)}; GET /api/series lists them.`);
  const query = parseQuery(ApiSeriesQuery, req.query as Record<string, unknown>);
  const params = parseViewParams(query, ctx.defaultBasis, ApiSeriesQuery);
  const csv = query.format === 'csv';
  // Built once per data version and URL, then served from memory (the CSV form starved the server when it was not).
  await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id, ...params.compare]), csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', async () => {
    const { drawn } = buildSeriesView(ctx.repo, entry.meta.id, params);
    const headers = { 'Last-Modified': entry.lastModified.toUTCString() };
    if (csv) return { body: viewCsv(drawn, query.layout ?? 'long'), headers };
    return { headers, body: JSON.stringify({
    params,
    series: drawn.map((d) => ({ id: d.id, name: d.name, unit: d.unitLabel, unitHelp: d.unitHelp, frequency: d.freq, vintage: d.vintageLabel, notes: d.notes, observations: d.points.map((o) => ({ date: o.date, value: o.value, status: o.value === null ? null : (o.status ?? 'actual') })), metadata: d.meta })),
    }) };
  });
}

/** The token check. Failed attempts are counted per client address to slow down guessing; only
 *  wrong tokens are throttled: the right token always gets through, so nobody can lock the operator out. */
function refreshAuthorisation(ctx: AppContext) {
  const failures = new Map<string, { count: number; until: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = ctx.config.refreshToken;
    if (!token) {
      res.status(403).json({ error: 'Manual refresh is off: set REFRESH_TOKEN in the environment to turn it on.' });
      return;
    }
    const who = req.ip ?? 'unknown';
    const m = /^bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (m && tokenMatches(m[1], token)) {
      failures.delete(who);
      next();
      return;
    }
    const f = failures.get(who);
    if (f && f.count >= 5 && f.until > Date.now()) {
      res.setHeader('Retry-After', String(Math.ceil((f.until - Date.now()) / 1000)));
      res.status(429).json({ error: 'Too many failed attempts from this address; try again later.' });
      return;
    }
    failures.set(who, { count: (f && f.until > Date.now() ? f.count : 0) + 1, until: Date.now() + 15 * 60_000 });
    res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(401).json({ error: 'A valid "Authorization: Bearer <token>" header is required.' });
  };
}

/** The jobs a refresh asks for. The body's schema is strict: a misspelt key ({"sources": …}) must
 *  not widen the run to every source. */
function requestedJobs(ctx: AppContext, req: Request): string[] {
  const body = parseQuery(RefreshBody, (req.body ?? {}) as Record<string, unknown>);
  const source = body.source ?? parseQuery(RefreshBody, req.query as Record<string, unknown>).source ?? 'all';
  const names = ctx.jobs.map((j) => j.name);
  if (source !== 'all' && !names.includes(source)) throw new HttpError(400, `source must be one of ${names.join(', ')} or all`);
  return source === 'all' ? names : [source];
}
