// The project's layers and a checker for them, over a map of file → the files it imports.
// Bottom: shared domain types and small libs. Then the providers' connectors, the stores and
// the transforms (which do not import each other). Then the runner (above sources and store)
// and the ledger (above store and transform). Then the server, which never imports a provider.
// On top, the entry points and the job definitions, which may import anything.
import fs from 'node:fs';
import path from 'node:path';

export const LAYERS: Array<{ name: string; folders: string[]; mayImport: string[] }> = [
  { name: 'base', folders: ['src/domain', 'src/lib', 'src/http', 'src/config.ts'], mayImport: ['base'] },
  { name: 'sources', folders: ['src/sources'], mayImport: ['base', 'sources'] },
  { name: 'store', folders: ['src/store'], mayImport: ['base', 'store'] },
  { name: 'transform', folders: ['src/transform'], mayImport: ['base', 'transform'] },
  { name: 'runner', folders: ['src/runner'], mayImport: ['base', 'sources', 'store', 'runner'] },
  { name: 'ledger', folders: ['src/ledger'], mayImport: ['base', 'store', 'transform', 'ledger'] },
  // The server sees jobs only through runner/job.ts (their interface), never a provider's folder.
  { name: 'server', folders: ['src/server'], mayImport: ['base', 'store', 'transform', 'runner', 'ledger', 'server'] },
  { name: 'entry', folders: ['src/main.ts', 'src/cli', 'src/workers', 'pipelines'], mayImport: ['base', 'sources', 'store', 'transform', 'runner', 'ledger', 'server', 'entry'] },
];

export function layerOf(file: string): string | undefined {
  return LAYERS.find((l) => l.folders.some((f) => file === f || file.startsWith(`${f}/`)))?.name;
}

/** Arrows against the layering, as "from → to (layer a may not import layer b)". */
export function backArrows(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    const a = layerOf(from);
    if (!a) {
      out.push(`${from} is in no layer`);
      continue;
    }
    const allowed = LAYERS.find((l) => l.name === a)!.mayImport;
    for (const to of tos) {
      const b = layerOf(to);
      if (b && !allowed.includes(b)) out.push(`${from} → ${to} (${a} may not import ${b})`);
    }
  }
  return out;
}

/**
 * The unit of the cycle check: a top folder of src/ (server with its routes), each provider's
 * folder under src/sources/, pipelines/, and each file that sits directly in src/.
 */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0];
  if (parts.length === 2) return file;
  return parts[1] === 'sources' && parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

/** Cycles between folders (a folder importing a folder that imports it back, at any distance). */
export function folderCycles(graph: Map<string, string[]>): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [from, tos] of graph) {
    const a = folderOf(from);
    for (const to of tos) {
      const b = folderOf(to);
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  return cyclesOf(edges);
}

/** Cycles between files of the same folder (a.ts → b.ts → a.ts), type-only imports included:
 *  a circle inside a folder is two concepts that each need the other, which one file should hold. */
export function fileCycles(graph: Map<string, string[]>): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [from, tos] of graph) {
    for (const to of tos) if (folderOf(from) === folderOf(to) && graph.has(to)) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  return cyclesOf(edges);
}

/** Every cycle a depth-first walk meets, each from its first node back to it. */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'active');
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      if (state.get(m) === 'active') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...edges.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** Every relative import of every .ts/.mjs file under the given folders, as repo-relative paths. */
export function importGraph(root: string, folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(ts|mjs)$/.test(e.name)) {
        const text = fs.readFileSync(path.join(root, rel), 'utf8');
        const deps: string[] = [];
        for (const m of text.matchAll(IMPORT)) {
          const spec = m[1] ?? m[2] ?? m[3];
          if (spec?.startsWith('.')) deps.push(path.posix.normalize(path.posix.join(dir, spec)));
        }
        graph.set(rel, deps);
      }
    }
  };
  for (const f of folders) walk(f);
  return graph;
}
