import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycle, findCycles } from '../scripts/check-cycles';

// The cycle check of `npm run lint`, on a tiny tree of files in a temp folder.
const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'onewindow-cycles-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('check-cycles', () => {
  it('passes a tree whose imports only go one way', () => {
    const root = tree({
      'shared/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'shared/b.ts': "import { z } from 'zod';\nexport const b = z;\n",
      'server/c.ts': "import { a } from '../shared/a';\nexport * from '../shared';\n",
      'shared/index.ts': "export * from './a';\n",
      // a test may import its module and be imported by nothing: it is not a source file
      'shared/a.test.ts': "import { a } from './a';\nexport const t = a;\n",
    });
    expect(findCycles(root)).toEqual([]);
  });

  it('reports a cycle as a chain of files, through an index and a type-only import', () => {
    const root = tree({
      'electron/services/terminal.ts':
        "import { listCases } from './cases';\nexport type Terminal = { db: string };\nexport const open = listCases;\n",
      'electron/services/cases.ts':
        "import type { Terminal } from './terminal';\nimport { fold } from '../projections';\nexport const listCases = (t: Terminal) => fold(t);\n",
      'electron/projections/index.ts': "export { fold } from './fold';\n",
      'electron/projections/fold.ts':
        "import type { Terminal } from '../services/terminal';\nexport const fold = (t: Terminal) => t.db;\n",
      'electron/other.ts': "import { open } from './services/terminal';\nexport const o = open;\n",
    });
    const cycles = findCycles(root);
    expect(cycles).toEqual([
      {
        chain: [
          'electron/projections/fold.ts',
          'electron/services/terminal.ts',
          'electron/services/cases.ts',
          'electron/projections/index.ts',
          'electron/projections/fold.ts',
        ],
        files: [
          'electron/projections/fold.ts',
          'electron/projections/index.ts',
          'electron/services/cases.ts',
          'electron/services/terminal.ts',
        ],
      },
    ]);
    expect(describeCycle(cycles[0]!)).toBe(
      'import cycle (4 files): electron/projections/fold.ts → electron/services/terminal.ts → ' +
        'electron/services/cases.ts → electron/projections/index.ts → electron/projections/fold.ts',
    );
  });

  it('reports a file that imports itself, and each knot once', () => {
    const root = tree({
      'shared/self.ts': "export { x } from './self';\n",
      'server/a.ts': "import './b';\n",
      'server/b.ts': "export * from './a';\n",
    });
    expect(findCycles(root).map((c) => c.chain)).toEqual([
      ['server/a.ts', 'server/b.ts', 'server/a.ts'],
      ['shared/self.ts', 'shared/self.ts'],
    ]);
  });
});
