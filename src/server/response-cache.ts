// Rendered responses, kept until the data, the run history or the day changes. A series page
// with twenty years of daily rates takes milliseconds to build; serving it again from memory,
// already gzipped, takes microseconds. Bounded by total bytes, oldest out first.
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { Request, Response } from 'express';

interface Entry {
  version: string;
  body: Buffer;
  gzip: Buffer | undefined;
  etag: string;
  type: string;
  headers: Record<string, string>;
}

export class ResponseCache {
  private entries = new Map<string, Entry>();
  private inFlight = new Map<string, Promise<Entry>>();
  private bytes = 0;

  constructor(private maxBytes = 64 * 1024 * 1024) {}

  private size(e: Entry): number {
    return e.body.length + (e.gzip?.length ?? 0);
  }

  private async build(key: string, version: string, type: string, build: () => Promise<{ body: string | Buffer; headers?: Record<string, string> }>): Promise<Entry> {
    const built = await build();
    const body = Buffer.isBuffer(built.body) ? built.body : Buffer.from(built.body);
    const e: Entry = {
      version,
      body,
      gzip: body.length > 1024 ? zlib.gzipSync(body, { level: 6 }) : undefined,
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      type,
      headers: built.headers ?? {},
    };
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= this.size(old);
      this.entries.delete(key);
    }
    if (this.size(e) <= this.maxBytes / 4) {
      this.entries.set(key, e);
      this.bytes += this.size(e);
      for (const [k, o] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(k);
        this.bytes -= this.size(o);
      }
    }
    return e;
  }

  async send(
    req: Request,
    res: Response,
    version: string,
    type: string,
    build: () => Promise<{ body: string | Buffer; headers?: Record<string, string> }>,
  ): Promise<void> {
    // Pages never reflect the Host header (absolute links come from PUBLIC_URL), so the URL is the key.
    const key = req.originalUrl;
    let e = this.entries.get(key);
    if (!e || e.version !== version) {
      // Many requests for a page that just went stale build it once, not once each.
      const flightKey = `${key}\u0000${version}`;
      let flight = this.inFlight.get(flightKey);
      if (!flight) {
        flight = this.build(key, version, type, build).finally(() => this.inFlight.delete(flightKey));
        this.inFlight.set(flightKey, flight);
      }
      e = await flight;
    } else {
      // Most recently used goes to the back.
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    res.setHeader('ETag', e.etag);
    // Added to what the route said it varies on (the language at /), never replacing it.
    const vary = String(res.getHeader('Vary') ?? '');
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    res.setHeader('Cache-Control', 'no-cache'); // revalidate: a reload costs a 304
    if (req.headers['if-none-match'] === e.etag) {
      res.status(304).end();
      return;
    }
    res.type(e.type);
    if (e.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(e.gzip);
    } else res.end(e.body);
  }
}

/** Render a view to a string with the app's locals. */
export function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => res.render(view, locals, (err, html) => (err ? reject(err) : resolve(html))));
}
