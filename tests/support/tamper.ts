// Editing files at rest the way a test needs to: a raw body replaced together with its
// sidecar's length and sha256 (a new answer, as the connector would store it), or a processed
// file edited and its checksums written anew (the state a trusted writer leaves).
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Replace a raw body (path relative to the data folder) and keep its sidecar consistent. */
export async function rewriteRaw(dataDir: string, rel: string, body: string | Uint8Array): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  const file = path.join(dataDir, rel);
  await fs.writeFile(file, bytes);
  const meta = JSON.parse(await fs.readFile(`${file}.meta.json`, 'utf8'));
  await fs.writeFile(`${file}.meta.json`, JSON.stringify({ ...meta, bytes: bytes.byteLength, sha256: sha256(bytes) }, null, 2) + '\n');
}

/** Write a source's processed checksum file anew after a test edited its files. */
export async function resealProcessed(dataDir: string, source: string): Promise<void> {
  const dir = path.join(dataDir, 'processed');
  const names = [`${source}.csv`, `${source}.vintages.csv`, `${source}.meta.json`];
  const lines = await Promise.all(names.map(async (n) => `${sha256(await fs.readFile(path.join(dir, n)))}  ${n}\n`));
  await fs.writeFile(path.join(dir, `${source}.sha256`), lines.join(''));
}
