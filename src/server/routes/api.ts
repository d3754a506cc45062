// JSON API: the catalogue, one series with the same transform parameters as the pages,
// status, and the token-protected manual refresh. Errors are JSON with a message.
import { Router, type Request, type Response } from 'express';
import crypto from 'node:crypto';
import express from 'express';
import type { AppContext } from '../context.ts';
import { parseViewParams } from '../view-params.ts';
import { buildSeriesView, NotFound } from '../view-model.ts';
import { viewCsv } from '../downloads.ts';
import { statuses } from '../status.ts';

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/series', (_req, res) => {
    res.json({
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
  });

  r.get('/series/:id', (req, res) => {
    const entry = ctx.repo.get(req.params.id);
    if (!entry) throw new NotFound(`There is no series ${JSON.stringify(req.params.id)}; GET /api/series lists them.`);
    const params = parseViewParams(req.query as Record<string, unknown>, ctx.defaultBasis);
    const { drawn } = buildSeriesView(ctx.repo, entry.meta.id, params);
    res.setHeader('Last-Modified', entry.lastModified.toUTCString());
    if (req.query.format === 'csv') {
      res.type('text/csv; charset=utf-8').send(viewCsv(drawn, req.query.layout === 'wide' ? 'wide' : 'long'));
      return;
    }
    res.json({
      params,
      series: drawn.map((d) => ({ id: d.id, name: d.name, unit: d.unitLabel, unitHelp: d.unitHelp, frequency: d.freq, vintage: d.vintageLabel, notes: d.notes, observations: d.points.map((o) => ({ date: o.date, value: o.value, status: o.value === null ? null : (o.status ?? 'actual') })), metadata: d.meta })),
    });
  });

  r.get('/status', async (_req, res) => {
    res.json({ running: ctx.controller.running ?? null, sources: await statuses(ctx) });
  });

  // Failed token attempts per client address, to slow down guessing.
  const failures = new Map<string, { count: number; until: number }>();
  r.post('/refresh', express.json({ limit: '2kb' }), (req: Request, res: Response) => {
    const token = ctx.config.refreshToken;
    if (!token) {
      res.status(403).json({ error: 'Manual refresh is off: set REFRESH_TOKEN in the environment to turn it on.' });
      return;
    }
    const who = req.ip ?? 'unknown';
    const f = failures.get(who);
    if (f && f.count >= 5 && f.until > Date.now()) {
      res.setHeader('Retry-After', String(Math.ceil((f.until - Date.now()) / 1000)));
      res.status(429).json({ error: 'Too many failed attempts; try again later.' });
      return;
    }
    const header = req.get('authorization') ?? '';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m || !tokenMatches(m[1], token)) {
      const count = (f && f.until > Date.now() ? f.count : 0) + 1;
      failures.set(who, { count, until: Date.now() + 15 * 60_000 });
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json({ error: 'A valid "Authorization: Bearer <token>" header is required.' });
      return;
    }
    failures.delete(who);
    const source = (req.body?.source ?? req.query.source ?? 'all') as unknown;
    const names = ctx.jobs.map((j) => j.name);
    if (typeof source !== 'string' || (source !== 'all' && !names.includes(source))) {
      res.status(400).json({ error: `source must be one of ${names.join(', ')} or all` });
      return;
    }
    const { id, started } = ctx.controller.start(source === 'all' ? names : [source], 'manual');
    res.status(202).json({ runId: id, started, status: '/api/status' });
  });

  r.use((_req, res) => {
    res.status(404).json({ error: 'No such API endpoint. Try GET /api/series or /api/status.' });
  });
  return r;
}
