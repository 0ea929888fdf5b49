import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVE_HELP, runServe } from './serve-command';

const here = path.dirname(fileURLToPath(import.meta.url));

const HELP = `Sidekick sync server

Usage:
  ${SERVE_HELP}
  sidekick-server seed-demo [--data-dir DIR | --database-url URL] [--demo-tokens-file PATH]
  sidekick-server migrate [--data-dir DIR | --database-url URL]
  sidekick-server people add --name NAME --role agent|supervisor|admin [--team ID]… [--timezone TZ] [--handle zendesk:123]…
  sidekick-server people list [--handle H]
  sidekick-server teams add --name NAME --timezone TZ
  sidekick-server token create --person ID [--kind person|ingest] [--label TEXT]
  sidekick-server import …   (see server/src/import/README.md)

Environment: DATABASE_URL (PostgreSQL; default is SQLite under --data-dir), SIDEKICK_ADMIN_TOKEN,
SIDEKICK_ZENDESK_SECRET, SIDEKICK_FRESHDESK_SECRET, SIDEKICK_HEARTBEAT_MS, PORT.`;

type Command = (argv: readonly string[]) => Promise<void>;

/**
 * Subcommands live in their own files. `import` belongs to the importer (server/src/cli/import-command.ts
 * exporting `runImport(argv)`); it is loaded only when present, so the server runs without it.
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
  await command(rest);
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
