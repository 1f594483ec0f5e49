// No import cycles between source files (`npm run lint` runs this): a cycle makes load order
// decide which module sees the other's exports as undefined, and it ties files that should be
// separable into one knot. Type-only imports count too: a cycle of types is still a cycle of
// files that cannot be understood, moved or tested one without the other. Static imports and
// `export … from` only; a dynamic import() is loaded after both files are, so it cannot close one.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export const sourceFolders = ['electron', 'renderer', 'shared', 'server', 'node-shared'];

const sourceFile = /\.tsx?$/;
const testFile = /\.test\.tsx?$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return sourceFile.test(entry.name) &&
      !testFile.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/** The specifiers of a file's static imports and re-exports, type-only ones included. */
export function importSpecifiers(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    const module =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : ts.isImportEqualsDeclaration(statement) &&
            ts.isExternalModuleReference(statement.moduleReference)
          ? statement.moduleReference.expression
          : undefined;
    if (module && ts.isStringLiteral(module)) specifiers.push(module.text);
  }
  return specifiers;
}

/** The file a relative specifier names, as the bundler resolves it; null for a package. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return (
    candidates.find((c) => sourceFile.test(c) && existsSync(c) && statSync(c).isFile()) ?? null
  );
}

export type ImportGraph = Map<string, string[]>;

/** Every source file under the folders, with the source files it imports (absolute paths). */
export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((f) => filesUnder(join(root, f)))) {
    const targets = importSpecifiers(file, readFileSync(file, 'utf8'))
      .map((s) => resolveSpecifier(file, s))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components of more than one file, or of a file importing itself. */
function knots(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative: a deep import chain must not overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next);
    next += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge]!;
        frame.edge += 1;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next);
          next += 1;
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = graph.get(frame.node)?.includes(frame.node) ?? false;
        if (component.length > 1 || selfImport) found.push(component.sort());
      }
    }
  }
  return found;
}

/** A shortest chain from `start` back to itself inside one knot (breadth first). */
function shortestCycle(graph: ImportGraph, knot: readonly string[], start: string): string[] {
  const inKnot = new Set(knot);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i]!;
    for (const to of graph.get(node) ?? []) {
      if (!inKnot.has(to)) continue;
      if (to === start) {
        const chain = [start];
        for (let at: string | undefined = node; at !== start && at; at = cameFrom.get(at)) {
          chain.splice(1, 0, at);
        }
        return [...chain, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

export type Cycle = {
  /** a shortest chain of imports from a file back to itself */
  chain: string[];
  /** every file tangled with it (the whole strongly connected component), sorted */
  files: string[];
};

/** One cycle per knot of files that import each other, paths relative to `root`, by path. */
export function findCycles(root: string, folders: readonly string[] = sourceFolders): Cycle[] {
  const graph = importGraph(root, folders);
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  return knots(graph)
    .map((knot) => ({
      chain: shortestCycle(graph, knot, knot[0]!).map(rel),
      files: knot.map(rel),
    }))
    .sort((x, y) => x.files[0]!.localeCompare(y.files[0]!));
}

export function describeCycle(c: Cycle): string {
  const rest = c.files.filter((f) => !c.chain.includes(f));
  const tail = rest.length > 0 ? `\n  and tangled with it: ${rest.join(', ')}` : '';
  return `import cycle (${c.files.length} files): ${c.chain.join(' → ')}${tail}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const cycles = findCycles(process.cwd());
  for (const c of cycles) console.error(describeCycle(c));
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s): move what both sides need into its own file`);
    process.exit(1);
  }
  console.log(`no import cycles in ${sourceFolders.join(', ')}`);
}
