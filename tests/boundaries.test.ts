import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The boundaries of ARCHITECTURE.md are lint rules; this proves the rules bite, on code placed
// (virtually) in each folder. The files do not exist, so type-aware rules are switched off: the
// boundary rules do not need types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('boundary lint rules', () => {
  it.each([
    [
      'shared/case/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['shared/case/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/case/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    [
      'shared/case/x.ts',
      "import { openDatabase } from '../../electron/store/db';\nexport const x = openDatabase;\n",
    ],
    [
      'renderer/app/x.ts',
      "import { openDatabase } from '../../electron/store/db';\nexport const x = openDatabase;\n",
    ],
    [
      'renderer/app/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    ],
    [
      'server/x.ts',
      "import { handlers } from '../electron/api/handlers';\nexport const x = handlers;\n",
    ],
    [
      'shared/case/x.ts',
      "import { eventHash } from '../../node-shared/events';\nexport const x = eventHash;\n",
    ],
    [
      'renderer/app/x.ts',
      "import { eventHash } from '../../node-shared/events';\nexport const x = eventHash;\n",
    ],
    [
      'node-shared/x.ts',
      "import { openDatabase } from '../electron/store/db';\nexport const x = openDatabase;\n",
    ],
    [
      'node-shared/x.ts',
      "import { handlers } from '../renderer/api';\nexport const x = handlers;\n",
    ],
    ['node-shared/x.ts', "import { buildApp } from '../server/app';\nexport const x = buildApp;\n"],
    [
      'electron/api/x.ts',
      "import { openTerminal } from '../services/terminal';\nexport const x = openTerminal;\n",
    ],
    [
      'electron/services/x.ts',
      "import { openTerminal } from './terminal';\nexport const x = openTerminal;\n",
    ],
    ['node-shared/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['node-shared/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
  ])('%s may not import: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it('allows what the architecture allows', async () => {
    expect(
      await boundaryErrors(
        'renderer/app/x.ts',
        "import type { Session } from '../../shared/api';\nexport type X = Session;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'electron/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors('shared/case/x.ts', "import { z } from 'zod';\nexport const x = z;\n"),
    ).toEqual([]);
  });

  it('lets the entry points open a terminal, and everything take its context', async () => {
    for (const file of ['electron/main.ts', 'electron/web-cli.ts']) {
      expect(
        await boundaryErrors(
          file,
          "import { openTerminal } from './services/terminal';\nexport const x = openTerminal;\n",
        ),
      ).toEqual([]);
    }
    expect(
      await boundaryErrors(
        'electron/services/x.ts',
        "import type { Terminal } from './context';\nexport type X = Terminal;\n",
      ),
    ).toEqual([]);
  });

  it('lets node-shared/ use Node, packages and shared/, and both programs use node-shared/', async () => {
    expect(
      await boundaryErrors(
        'node-shared/x.ts',
        "import { createHash } from 'node:crypto';\nimport { z } from 'zod';\n" +
          "import { hashInput } from '../shared/sync';\nexport const x = [createHash, z, hashInput];\n",
      ),
    ).toEqual([]);
    for (const file of ['electron/store/x.ts', 'server/sync/x.ts']) {
      expect(
        await boundaryErrors(
          file,
          "import { eventHash } from '../../node-shared/events';\nexport const x = eventHash;\n",
        ),
      ).toEqual([]);
    }
  });
});
