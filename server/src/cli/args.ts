import { z } from 'zod';
import { ConfigError, ENVIRONMENT, type Environment } from '../core/config';

/** A tiny flag parser: `--name value`, `--name=value`, and boolean `--flag`. Repeated flags collect. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const put = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) put(arg.slice(2, eq), arg.slice(eq + 1));
    else if (booleanFlags.includes(arg.slice(2))) put(arg.slice(2), 'true');
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      put(arg.slice(2), value);
      i++;
    }
  }
  return { positional, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

export function flagAll(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

/** A flag's value parsed by a schema; a bad one stops the command with a sentence naming flag and value. */
export function parsedFlag<S extends z.ZodType>(
  args: ParsedArgs,
  name: string,
  schema: S,
): z.output<S> | undefined {
  const value = flag(args, name);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`--${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}; got "${value}".`);
  return parsed.data;
}

/** Where the store is: --database-url / DATABASE_URL (PostgreSQL) or --data-dir (SQLite, default ./.data). */
export function storeFlags(args: ParsedArgs, env: Environment): { dataDir: string; databaseUrl?: string } {
  const databaseUrl = parsedFlag(args, 'database-url', ENVIRONMENT.DATABASE_URL.schema) ?? env.DATABASE_URL;
  return { dataDir: flag(args, 'data-dir') ?? './.data', ...(databaseUrl ? { databaseUrl } : {}) };
}

/** --now: the instant the server's clock starts at (it runs on in real time). */
export const NowFlag = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 instant with a zone, e.g. 2026-03-02T10:00:00Z',
});

/** A CLI subcommand: its own arguments and the environment parsed at start. */
export type Command = (argv: readonly string[], env: Environment) => Promise<void>;
