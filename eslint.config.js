// The house rules of docs/ARCHITECTURE.md ("shared/ imports nothing from electron/, renderer/ or server/", …) are
// enforced here, so breaking a boundary fails `npm run lint` instead of relying on review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { serverLayers } from './server/lint/server-layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const folder = (name) => ({
  group: [`**/${name}/**`, `../${name}`, `../../${name}`],
  message: `this folder must not import ${name}/ (see the house rules in docs/ARCHITECTURE.md)`,
});
/** Kysely's query builders and transactions: where they appear, SQL is being written. */
const SQL_BUILDERS = [
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'transaction',
];
const noNode = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'shared/ and renderer/ run in a browser too: no Node built-ins',
  })),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'renderer/dist/',
      'tests/fixtures/',
      'bench/.tmp/',
      'test-results/',
      'playwright-report/',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Raw ipcMain/ipcRenderer live in exactly one file each (electron/main/ipc/ipc-main-bridge.ts, electron/preload/index.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer', 'remote'],
              message: 'use the typed IPC wrappers in electron/main/ipc or electron/preload',
            },
            { name: '@electron/remote', message: 'never' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode.paths,
            'react',
            'react-dom',
            'electron',
            'electron-store',
            'better-sqlite3',
            'pg',
            'kysely',
            'fastify',
            'ws',
          ].map((p) =>
            typeof p === 'string'
              ? { name: p, message: 'shared/ stays free of platform libraries (docs/ARCHITECTURE.md)' }
              : p,
          ),
          patterns: [folder('electron'), folder('renderer'), folder('server')],
        },
      ],
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      // The engine is pure: time comes in as an argument.
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'pass `now` in; the domain engine never reads the clock',
        },
        { object: 'DateTime', property: 'now', message: 'pass `now` in' },
        { object: 'Math', property: 'random', message: 'the domain engine is deterministic' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'pass `now` in; the domain engine never reads the clock',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, { name: 'electron', message: 'the renderer only knows window.sidekick' }],
          patterns: [folder('electron'), folder('server')],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer', 'remote'],
              message: 'use the typed IPC wrappers',
            },
            { name: '@electron/remote', message: 'never' },
          ],
          patterns: [folder('server'), folder('renderer')],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc/ipc-main-bridge.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [folder('server'), folder('renderer')] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the server never imports Electron' }],
          patterns: [folder('electron'), folder('renderer')],
        },
      ],
    },
  },
  {
    // Inside server/src each folder imports only the layers below it (store < feed, auth < core < engine <
    // actions, ingest, connectors, scheduler < http < demo, import < app < cli; see server/lint/server-layers.js).
    files: ['server/src/**/*.ts'],
    plugins: { sidekick: { rules: { 'server-layers': serverLayers } } },
    rules: {
      'sidekick/server-layers': 'error',
      // SQL lives in store/ (repositories, migrations, the unit of work); everything above calls a repository.
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${SQL_BUILDERS.join('|')})$/]`,
          message: 'SQL belongs in a repository under server/src/store/repos/',
        },
        {
          selector: "ImportDeclaration[source.value='kysely'] ImportSpecifier[imported.name='sql']",
          message: 'SQL belongs in a repository under server/src/store/repos/',
        },
      ],
    },
  },
  {
    files: ['server/src/store/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // One validated configuration: the environment is read in app/environment.ts and parsed by core/config.ts.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/app/environment.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'read configuration from AppContext.config or the parsed Environment (server/src/core/config.ts)',
        },
      ],
    },
  },
);
