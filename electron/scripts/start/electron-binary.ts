import { dirname, join } from 'node:path';
import semver from 'semver';
import { spawnFailure, type SpawnOutcome } from './npm-command';

/** The installed `electron` npm package: where it is, its version, and the Node its installer needs. */
export interface ElectronPackage {
  dir: string;
  version: string;
  /** `engines.node` of Electron's installer (@electron/get), e.g. `>=22.12.0`. */
  installerNode: string | undefined;
}

export interface BinaryFiles {
  exists(path: string): boolean;
  readFile(path: string): string | null;
  /** ELECTRON_OVERRIDE_DIST_PATH, honoured like the electron package does. */
  overrideDistPath: string | undefined;
}

/**
 * The Electron executable, or null. Read the way the package's index.js does (path.txt names the binary
 * inside dist/), without its side effect: requiring it downloads the binary synchronously when missing.
 */
export function locateElectron(pkg: ElectronPackage, files: BinaryFiles): string | null {
  const relative = files.readFile(join(pkg.dir, 'path.txt'))?.trim();
  if (!relative) return null;
  const binary = join(files.overrideDistPath ?? join(pkg.dir, 'dist'), relative);
  return files.exists(binary) ? binary : null;
}

export interface InstallerRun extends SpawnOutcome {
  /** What the installer wrote to stderr (it prints the error's stack there and exits 1). */
  stderr: string;
}

export interface EnsureDeps extends BinaryFiles {
  /** Runs `node <electron>/install.js`: Electron's own installer, which downloads and unpacks the binary. */
  runInstaller(installScript: string): InstallerRun;
  nodeVersion: string;
}

export type EnsureResult = { ok: true; binary: string; fetched: boolean } | { ok: false; reason: string };

/**
 * electron@45 ships no install script: its binary is fetched on first use. `npm start` fetches it with
 * Electron's installer when it is missing and says, in one sentence, why when that fails.
 */
export function ensureElectron(pkg: ElectronPackage, deps: EnsureDeps): EnsureResult {
  const present = locateElectron(pkg, deps);
  if (present) return { ok: true, binary: present, fetched: false };
  const run = deps.runInstaller(join(pkg.dir, 'install.js'));
  const failed = spawnFailure(run);
  if (failed) {
    const detail = installerError(run.stderr);
    const node =
      pkg.installerNode && !semver.satisfies(deps.nodeVersion, pkg.installerNode)
        ? `; Electron's installer needs Node ${pkg.installerNode} and this is Node ${deps.nodeVersion}`
        : '';
    return {
      ok: false,
      reason: `The Electron ${pkg.version} binary is not installed and its installer could not download it (${failed}${detail ? `: ${detail}` : ''}${node})`,
    };
  }
  const fetched = locateElectron(pkg, deps);
  return fetched
    ? { ok: true, binary: fetched, fetched: true }
    : { ok: false, reason: `Electron's installer finished but left no binary in ${join(pkg.dir, 'dist')}` };
}

/** The error line of the installer's stack trace (`TypeError: fetch failed`, `HTTPError: 404 …`). */
export function installerError(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.find((l) => !l.startsWith('at ')) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Where Node finds Electron's installer package (@electron/get) from the electron package: its
 * package.json is hidden by "exports", so node_modules is walked upwards as Node's resolver does.
 */
export function installerManifest(electronDir: string, exists: (path: string) => boolean): string | null {
  for (let dir = electronDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@electron', 'get', 'package.json');
    if (exists(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
