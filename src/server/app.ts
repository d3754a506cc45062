// The Express app, built by a function and never listening here: the entry point listens,
// tests use the app without a port (as Express's own examples do).
import express, { type NextFunction, type Request, type Response } from 'express';
import type { TFunction } from 'i18next';
import helmet from 'helmet';
import compression from 'compression';
import path from 'node:path';
import fs from 'node:fs/promises';
import { ResponseCache } from './response-cache.ts';
import { runLogPath } from '../runner/run-log.ts';
import { loadAssets } from './assets.ts';
import type { AppContext, AppDeps } from './context.ts';
import { clientError, HttpError, reasonText } from './http-error.ts';
import { seriesRoutes } from './routes/series-pages.ts';
import { pageRoutes } from './routes/pages.ts';
import { apiRoutes } from './routes/api.ts';
import { apiDocRoutes } from './routes/api-doc.ts';
import { paperRoutes } from './routes/paper.ts';
import { compareRoutes } from './routes/compare.ts';
import { partnersRoutes } from './routes/partners.ts';
import { vintagesRoutes } from './routes/vintages.ts';
import { language, languageLocals } from './language.ts';
import { DEFAULT_LANGUAGE } from './i18n.ts';
import type { AverageBasis } from '../transform/aggregate.ts';
import { jsonForScript } from './view-helpers.ts';
import { vocabularyOf } from '../runner/job.ts';

// Calendar-day averages (the rate in force each day) match the World Bank's PA.NUS.FCRF best;
// the figures are in docs/methods.md and kept by a test in tests/transform.
export const DEFAULT_BASIS: AverageBasis = 'calendar';

/** The API's GETs and every download a program may read from another origin. */
export function isReadable(p: string): boolean {
  return (p.startsWith('/api/') && p !== '/api/refresh') || /^\/(series\/[^/]+|paper)\/[^/]+\.(csv|json|zip)$/.test(p) || /^\/partners\/[^/]+\.csv$/.test(p);
}

export function createApp(deps: AppDeps): express.Express {
  const ctx = appContext(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(ctx.root, 'views'));
  app.set('strict routing', false);
  if (deps.config.trustProxy) app.set('trust proxy', /^\d+$/.test(deps.config.trustProxy) ? Number(deps.config.trustProxy) : deps.config.trustProxy);
  app.use(securityHeaders(deps.config.publicUrl?.startsWith('https:') ?? false));
  app.use(compression());
  serveAssets(app, ctx);
  // The language first, so that even a refusal below is said in the page's language.
  app.use(language);
  app.use(refuseBadPercentEncoding);
  app.use(readableFromAnyOrigin);
  // No icon; answer the browser's automatic request without a 404 in its console.
  app.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(204).end();
  });
  app.use(async (_req, _res, next) => {
    await ctx.repo.refreshIfChanged().catch(() => undefined);
    next();
  });
  app.locals.assets = ctx.assets;
  app.locals.publisherJobs = ctx.jobs.map((j) => ({ job: j.name, name: j.connector.publisher.name }));
  app.locals.jsonForScript = jsonForScript;
  app.locals.vocabulary = ctx.vocabulary;
  // The language's helpers (t, fmt, fmtFixed, fmtDate, names); these defaults serve a page rendered
  // before the language is known (an error early in the chain).
  Object.assign(app.locals, languageLocals(DEFAULT_LANGUAGE, ctx.vocabulary));
  for (const routes of [pageRoutes, vintagesRoutes, seriesRoutes, paperRoutes, compareRoutes, partnersRoutes, apiRoutes, apiDocRoutes]) app.use(routes(ctx));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'No such API endpoint. GET /api describes them (and /api/openapi.json).' });
  });
  app.use(notFound);
  app.use(errorPage);
  return app;
}

/** What every route receives: the injected dependencies and what the app builds once. */
function appContext(deps: AppDeps): AppContext {
  const root = deps.root ?? path.resolve(import.meta.dirname, '../..');
  const now = deps.now ?? (() => new Date());
  return {
    now,
    ...deps,
    root,
    assets: loadAssets(root),
    defaultBasis: DEFAULT_BASIS,
    vocabulary: vocabularyOf(deps.jobs),
    cache: new ResponseCache(),
    async cacheVersion() {
      const runs = await fs.stat(runLogPath(deps.config.dataDir)).then((s) => `${s.mtimeMs}:${s.size}`, () => 'none');
      const running = deps.controller.running?.id ?? '';
      return `${deps.repo.version}|${runs}|${running}|${now().toISOString().slice(0, 10)}`;
    },
  };
}

/** HTTPS-only headers only when the site is served over HTTPS: over plain HTTP on an office
 *  network they made the browser ask for the CSS and Plotly over https, and fail. */
function securityHeaders(https: boolean) {
  return helmet({
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Plotly injects <style> elements for its own layout.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Plotly's "download plot as PNG" builds data: and blob: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

function serveAssets(app: express.Express, ctx: AppContext): void {
  for (const asset of Object.values(ctx.assets)) {
    app.get(asset.url, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.type(asset.type);
      res.sendFile(asset.file);
    });
  }
}

/** A path that is not valid percent-encoding is the client's error, whichever route it aims at. */
function refuseBadPercentEncoding(req: Request, _res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    throw new HttpError(400, { key: 'percentEncoding' });
  }
  next();
}

/** Reading is open to any origin (a notebook, an Observable page): GET on the API and the
 *  downloads answers with CORS headers, without credentials. POST /api/refresh stays same-origin. */
function readableFromAnyOrigin(req: Request, res: Response, next: NextFunction): void {
  if ((req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') && isReadable(req.path)) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
  }
  next();
}

function notFound(req: Request, res: Response): void {
  const t = (res.locals.t ?? req.app.locals.t) as TFunction;
  if (req.path.startsWith('/api/')) res.status(404).json({ error: `Nothing here: ${req.path}. Try the overview or the data catalogue.` });
  else res.status(404).render('error', { title: t('error.notFound'), status: 404, message: t('error.nothingHere', { path: req.path }) });
}

function errorPage(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const known = clientError(err);
  const status = known?.status ?? 500;
  const message = known?.message ?? 'Something went wrong on our side; the error has been logged.';
  if (!known) console.error(err);
  if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') res.status(status).json({ error: message });
  else {
    const t = (res.locals.t ?? req.app.locals.t) as TFunction;
    // Our own reasons in the page's language; another's (the body parser's) as stated.
    const said = known?.reason ? reasonText(t, known.reason) : known ? message : t('error.ourSide');
    res.status(status).render('error', { title: t(status === 404 ? 'error.notFound' : status < 500 ? 'error.badRequest' : 'error.error'), status, message: said });
  }
}
