// A loopback HTTP server that replays recorded bodies and injects faults: status codes,
// delays, a body that stalls mid-stream, a body cut short, HTML with 200. Tests point a
// connector's base URL at it; nothing ever leaves the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send this many bytes of the body, then hang without closing. */
  stallAfter?: number;
  /** Announce the full length, send this many bytes, then close the connection. */
  cutAfter?: number;
}

export type Handler = Reply | Reply[] | ((url: URL) => Reply);

export interface ReplayServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startReplayServer(routes: Record<string, Handler>, fallback?: (url: URL) => Reply): Promise<ReplayServer> {
  const hits: string[] = [];
  const counters = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname + url.search);
    const handler = routes[url.pathname + url.search] ?? routes[url.pathname];
    let reply: Reply;
    if (!handler) reply = fallback ? fallback(url) : { status: 404, body: 'not found' };
    else if (typeof handler === 'function') reply = handler(url);
    else if (Array.isArray(handler)) {
      const key = url.pathname + url.search;
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      reply = handler[Math.min(n, handler.length - 1)];
    } else reply = handler;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const body = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body ?? '');
    res.writeHead(reply.status ?? 200, { 'Content-Length': String(body.length), ...reply.headers });
    if (reply.stallAfter !== undefined) {
      res.write(body.subarray(0, reply.stallAfter));
      return; // never ends; the client's timeout must fire
    }
    if (reply.cutAfter !== undefined) {
      res.write(body.subarray(0, reply.cutAfter), () => res.socket?.destroy());
      return;
    }
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
