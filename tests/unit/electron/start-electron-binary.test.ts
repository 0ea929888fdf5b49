import { describe, expect, it } from 'vitest';
import {
  ensureElectron,
  installerError,
  installerManifest,
  locateElectron,
  type EnsureDeps,
  type InstallerRun,
} from '../../../electron/scripts/start/electron-binary';

const pkg = { dir: '/app/node_modules/electron', version: '45.4.1', installerNode: '>=22.12.0' };

/** A node_modules/electron folder in memory; the installer, when run, may "unpack" the binary into it. */
function machine(options: { installed?: boolean; installer?: InstallerRun; installs?: boolean } = {}) {
  const files = new Map<string, string>();
  const install = () => {
    files.set('/app/node_modules/electron/path.txt', 'electron');
    files.set('/app/node_modules/electron/dist/electron', '\x7fELF');
  };
  if (options.installed) install();
  const runs: string[] = [];
  const deps: EnsureDeps = {
    exists: (p) => files.has(p),
    readFile: (p) => files.get(p) ?? null,
    overrideDistPath: undefined,
    nodeVersion: '22.14.0',
    runInstaller: (script) => {
      runs.push(script);
      if (options.installs) install();
      return options.installer ?? { status: 0, signal: null, stderr: '' };
    },
  };
  return { deps, runs };
}

const fetchFailed: InstallerRun = {
  status: 1,
  signal: null,
  stderr:
    'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download',
};

describe('npm start: the Electron binary', () => {
  it('uses an installed binary without running the installer', () => {
    const { deps, runs } = machine({ installed: true });
    expect(ensureElectron(pkg, deps)).toEqual({
      ok: true,
      binary: '/app/node_modules/electron/dist/electron',
      fetched: false,
    });
    expect(runs).toEqual([]);
  });

  it("fetches a missing binary with Electron's own installer, then uses it", () => {
    const { deps, runs } = machine({ installs: true });
    expect(ensureElectron(pkg, deps)).toEqual({
      ok: true,
      binary: '/app/node_modules/electron/dist/electron',
      fetched: true,
    });
    expect(runs).toEqual(['/app/node_modules/electron/install.js']);
  });

  it('says in one sentence why the fetch failed', () => {
    const { deps } = machine({ installer: fetchFailed });
    expect(ensureElectron(pkg, deps)).toEqual({
      ok: false,
      reason:
        'The Electron 45.4.1 binary is not installed and its installer could not download it (it exited with code 1: TypeError: fetch failed)',
    });
  });

  it("adds the Node version when it is older than Electron's installer asks for", () => {
    const { deps } = machine({ installer: fetchFailed });
    const result = ensureElectron(pkg, { ...deps, nodeVersion: '20.20.2' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(
      "; Electron's installer needs Node >=22.12.0 and this is Node 20.20.2)",
    );
  });

  it('an installer that could not even start, and one that left nothing behind', () => {
    const enoent = Object.assign(new Error('spawnSync node ENOENT'), { code: 'ENOENT' });
    expect(
      ensureElectron(
        pkg,
        machine({ installer: { error: enoent, status: null, signal: null, stderr: '' } }).deps,
      ),
    ).toEqual({
      ok: false,
      reason:
        'The Electron 45.4.1 binary is not installed and its installer could not download it (it could not be started (ENOENT: spawnSync node ENOENT))',
    });
    expect(ensureElectron(pkg, machine().deps)).toEqual({
      ok: false,
      reason: "Electron's installer finished but left no binary in /app/node_modules/electron/dist",
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', () => {
    const files = new Map([
      ['/app/node_modules/electron/path.txt', 'electron\n'],
      ['/opt/electron/electron', 'bin'],
    ]);
    expect(
      locateElectron(pkg, {
        exists: (p) => files.has(p),
        readFile: (p) => files.get(p) ?? null,
        overrideDistPath: '/opt/electron',
      }),
    ).toBe('/opt/electron/electron');
  });

  it("picks the error line out of the installer's stack trace", () => {
    expect(
      installerError('\nHTTPError: Response code 404 (Not Found) for https://x\n    at a (b.js:1:1)'),
    ).toBe('HTTPError: Response code 404 (Not Found) for https://x');
    expect(installerError('')).toBe('');
  });
});

describe("npm start: Electron's installer package", () => {
  it('is found by walking node_modules up from the electron package', () => {
    const present = new Set(['/app/node_modules/@electron/get/package.json']);
    expect(installerManifest('/app/node_modules/electron', (p) => present.has(p))).toBe(
      '/app/node_modules/@electron/get/package.json',
    );
    expect(installerManifest('/app/node_modules/electron', () => false)).toBeNull();
  });
});
