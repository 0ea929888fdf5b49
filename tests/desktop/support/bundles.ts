import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { z } from 'zod';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const builtMain = join(repoRoot, 'out', 'main', 'index.js');
export const builtPreload = join(repoRoot, 'out', 'preload', 'index.cjs');

/** Fails loudly when `npm run build` has not run (test:desktop runs it first). */
export function readBuilt(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path} is missing: run "npm run build" first (npm run test:desktop does)`);
  return readFileSync(path, 'utf8');
}

const Manifest = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});
export const rootManifest = () =>
  Manifest.parse(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The package a bare specifier names (`@scope/pkg/sub` → `@scope/pkg`). */
export const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every module a built ES module imports, statically or dynamically (string literals only). */
export async function esmImports(
  source: string,
): Promise<{ specifiers: string[]; hasModuleSyntax: boolean }> {
  await init;
  const [imports, , , hasModuleSyntax] = parse(source);
  return {
    specifiers: imports.map((i) => i.n).filter((n): n is string => typeof n === 'string'),
    hasModuleSyntax,
  };
}

/** The packages out/main/index.js loads at run time, besides Node's built-ins and Electron itself. */
export async function mainExternals(): Promise<string[]> {
  const { specifiers } = await esmImports(readBuilt(builtMain));
  return [...new Set(specifiers.filter((s) => !builtins.has(s) && !s.startsWith('.')).map(packageOf))]
    .filter((p) => p !== 'electron')
    .sort();
}

/**
 * The installed packages `names` need at run time: each one's dependencies and optional dependencies,
 * resolved the way Node would from where the depending package sits.
 */
export function runtimeClosure(names: readonly string[], from = repoRoot): Map<string, string> {
  const found = new Map<string, string>(); // package.json path → name
  const visit = (name: string, dir: string) => {
    const manifestPath = findManifest(name, dir);
    if (!manifestPath) {
      throw new Error(`${name} (needed from ${dir}) is not installed`);
    }
    if (found.has(manifestPath)) return;
    const manifest = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    found.set(manifestPath, manifest.name);
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dirname(manifestPath));
    for (const dep of Object.keys(manifest.optionalDependencies ?? {}))
      if (findManifest(dep, dirname(manifestPath))) visit(dep, dirname(manifestPath));
  };
  for (const name of names) visit(name, from);
  return found;
}

function findManifest(name: string, fromDir: string): string | null {
  try {
    return createRequire(join(fromDir, 'noop.js')).resolve(`${name}/package.json`);
  } catch {
    // Packages whose "exports" hide package.json: walk node_modules upwards like Node's resolver.
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name, 'package.json');
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) return null;
    }
  }
}
