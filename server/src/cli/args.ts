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

/** Where the store is: --database-url / DATABASE_URL (PostgreSQL) or --data-dir (SQLite, default ./.data). */
export function storeFlags(args: ParsedArgs): { dataDir: string; databaseUrl?: string } {
  const databaseUrl = flag(args, 'database-url') ?? process.env.DATABASE_URL;
  return { dataDir: flag(args, 'data-dir') ?? './.data', ...(databaseUrl ? { databaseUrl } : {}) };
}
