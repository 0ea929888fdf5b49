import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVE_HELP, runServe } from './serve-command';
import { processEnvironment } from '../app/environment';
import { environmentHelp } from '../core/config';
import type { Command } from './args';

const here = path.dirname(fileURLToPath(import.meta.url));

const HELP = `Sidekick sync server

Usage:
  ${SERVE_HELP}
  sidekick-server seed-demo [--data-dir DIR | --database-url URL] [--demo-tokens-file PATH] [--now ISO]
  sidekick-server migrate [--data-dir DIR | --database-url URL]
  sidekick-server people add --name NAME --role agent|supervisor|admin [--team ID]… [--timezone TZ] [--handle zendesk:123]…
  sidekick-server people list [--handle H]
  sidekick-server teams add --name NAME --timezone TZ
  sidekick-server token create --person ID [--kind person|ingest] [--label TEXT]
  sidekick-server import …   (see server/src/import/README.md)

Environment (read once at start; an empty value is unset, a bad one stops the command):
${environmentHelp()}`;

/**
 * Subcommands live in their own files. `import` belongs to the importer (server/src/cli/import-command.ts
 * exporting `runImport(argv, env)`); it is loaded only when present, so the server runs without it.
 */
async function load(name: string): Promise<Command | null> {
  switch (name) {
    case 'serve':
      return runServe;
    case 'seed-demo':
      return (await import('./seed-command')).runSeedDemo;
    case 'migrate':
      return (await import('./migrate-command')).runMigrate;
    case 'people':
      return (await import('./people-command')).runPeople;
    case 'teams':
      return (await import('./people-command')).runTeams;
    case 'token':
      return (await import('./token-command')).runToken;
    case 'import': {
      const file = ['import-command.ts', 'import-command.js']
        .map((f) => path.join(here, f))
        .find((f) => fs.existsSync(f));
      if (!file) return null;
      const mod = (await import(pathToFileURL(file).href)) as { runImport?: Command };
      return mod.runImport ?? null;
    }
    default:
      return null;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 1;
  }
  const command = await load(name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  // Every variable is parsed before any command runs, so a bad one fails here with its name and value.
  await command(rest, processEnvironment());
  return 0;
}

const isEntry =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
