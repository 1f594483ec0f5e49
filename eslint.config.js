import tseslint from 'typescript-eslint';

// Boundaries are lint rules, not memory: shared/ is pure domain code usable by all three
// programs; node-shared/ is the Node-only code the terminal's main process and the center both
// run (hashes, signatures, password hashes), so it may use Node but neither program; the
// renderer is untrusted and reaches the main process only through the contract.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'url',
  'util',
  'zlib',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      '.center-bin/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'shared/ is pure: no Node built-ins (it runs in the renderer too).',
            },
            {
              group: ['electron', 'react', 'react-dom', 'better-sqlite3'],
              message: 'shared/ is pure domain code.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/node-shared/**'],
              message: 'shared/ imports nothing of the programs that use it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['node-shared/**/*.ts'],
    ignores: ['node-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom'],
              message: 'node-shared/ runs in the main process and the center alike.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/server/**'],
              message:
                'node-shared/ imports only Node, packages and shared/: both programs import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', '**/server/**'],
              message:
                'The renderer reaches main only through renderer/api.ts and the shared contract.',
            },
            {
              group: ['**/node-shared/**'],
              message: 'node-shared/ is Node code: the sandboxed renderer cannot run it.',
            },
            {
              group: [...nodeBuiltins, 'better-sqlite3'],
              message: 'The renderer runs sandboxed: no Node modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // openTerminal starts everything (store, sync engine, report checks): only the entry points
    // open a terminal; the rest is handed one (services/context.ts), which keeps them acyclic.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/web-cli.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/terminal', './terminal'],
              message:
                'Take the Terminal from services/context; only main.ts and web-cli.ts open one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron'],
              message: 'The center server shares only shared/ and node-shared/ with the terminal.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // vitest's asymmetric matchers (expect.any) are typed any by design
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
