// The entries of a zip archive (an .xlsx workbook is one), read from its central directory and
// inflated with Node's own zlib. fflate's pure-JavaScript inflate was a fifth of the rebuild's
// time on the bundled workbooks; zlib does the same in native code. Only what workbooks use:
// stored and deflated entries, no ZIP64, no encryption. Anything else, or a truncated file, is
// an Error whose message says what is wrong.
import zlib from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function endOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  throw new Error('no end-of-central-directory record (not a zip file, or truncated)');
}

/** No workbook part we read comes near this; an entry that claims more, or inflates to more
 *  than it claims (a zip bomb), is refused before it can fill memory. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The CRC-32 every zip entry carries: a flipped byte in stored or deflated data is caught here. */
function crc32(data: Buffer): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function inflate(name: string, data: Buffer, declared: number): Buffer {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, declared) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`${name}: inflates to more than the ${declared} bytes it declares`);
    throw new Error(`${name}: cannot be inflated (${(err as Error).message})`);
  }
}

/** Every entry's name and bytes, or only those `wanted` names. */
export function unzip(buf: Buffer, wanted?: (name: string) => boolean): Map<string, Buffer> {
  const end = endOfDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`central directory entry ${n + 1} is damaged`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (wanted && !wanted(name)) continue;
    if (size === 0xffffffff || local === 0xffffffff) throw new Error(`${name}: ZIP64 entries are not supported`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`${name}: local header is damaged`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + size > buf.length) throw new Error(`${name}: the data runs past the end of the file (truncated)`);
    const data = buf.subarray(start, start + size);
    if (declared > MAX_ENTRY_BYTES) throw new Error(`${name}: says it holds ${declared} bytes, more than the ${MAX_ENTRY_BYTES} a workbook part may`);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method} is not supported`);
    const bytes = method === 0 ? data : inflate(name, data, declared);
    if (bytes.length !== declared || crc32(bytes) !== crc) throw new Error(`${name}: its bytes do not match the size and CRC-32 the archive records (damaged)`);
    out.set(name, bytes);
  }
  return out;
}
