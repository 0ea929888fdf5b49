import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { runBuiltMain } from './support/built-main';
import { mainExternals, repoRoot, runtimeClosure } from './support/bundles';
import { expectAppStarted } from './support/expect-app-started';
import { makeStandInElectron } from './support/stand-in-electron';

/**
 * The asar's size budget. It was ~32 MB with the renderer's libraries and the server's packages inside;
 * measured 7.2 MB once the renderer-only libraries moved to devDependencies and only main's externals
 * (with what they need) were let in, without source maps and type declarations. renderer/dist is ~1.7 MB
 * of it, zod ~2 MB. The budget leaves room for a dependency or two, not for a stray node_modules tree.
 */
const ASAR_BUDGET_BYTES = 10 * 1024 * 1024;

const require = createRequire(import.meta.url);
const electronVersion = z.object({ version: z.string() }).parse(require('electron/package.json')).version;
const work = mkdtempSync(join(tmpdir(), 'sidekick-packaging-'));
const appOut = join(work, 'release', 'linux-unpacked');
const asarFile = join(appOut, 'resources', 'app.asar');
let log = '';

// Check 4 of issue 10: `electron-builder --dir` for Linux, offline. electronDist points at a stand-in
// Electron, so nothing is downloaded: the `dir` target needs no fpm, AppImage runtime or other tool
// (those are downloaded for AppImage and deb, which this does not build).
beforeAll(async () => {
  const dist = makeStandInElectron(join(work, 'electron-dist'), electronVersion);
  const child = spawn(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${join(work, 'release')}`,
    ],
    {
      cwd: repoRoot,
      // A download attempt fails fast and loudly instead of quietly needing the network.
      env: {
        ...process.env,
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`electron-builder --dir failed (exit ${code}):\n${log}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inAsar = () =>
  new Set(
    asar.listPackage(asarFile, { isPack: false }).map((f) =>
      f
        .replace(/^[/\\]/, '')
        .split('\\')
        .join('/'),
    ),
  );
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

describe('offline packaging (electron-builder --dir, Linux, stand-in Electron)', () => {
  it('lays out the app: the renamed executable, app.asar and app-update.yml for electron-updater', () => {
    expect(existsSync(join(appOut, 'sidekick')), log).toBe(true);
    expect(existsSync(asarFile)).toBe(true);
    const update = z
      .object({ provider: z.string(), url: z.string(), channel: z.string(), updaterCacheDirName: z.string() })
      .parse(parseYaml(readFileSync(join(appOut, 'resources', 'app-update.yml'), 'utf8')));
    expect(update).toMatchObject({
      provider: 'generic',
      url: 'https://updates.sidekick.invalid/desktop/linux/x64',
      channel: 'latest',
    });
  });

  it('the asar holds out/, renderer/dist, the icons and package.json, and no source maps', () => {
    const files = inAsar();
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'assets/icon.png'])
      expect(files, file).toContain(file);
    for (const dir of ['renderer/dist', 'assets/tray'])
      for (const file of filesUnder(join(repoRoot, dir))) {
        const path = relative(repoRoot, file).split('\\').join('/');
        expect(files, path).toContain(path);
      }
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('holds every external of main with what it needs, and no other package (no server, no renderer libraries)', async () => {
    const externals = await mainExternals();
    const files = inAsar();
    for (const name of externals) expect(files, name).toContain(`node_modules/${name}/package.json`);
    const packaged = new Set(
      [...files]
        .filter((f) => /(^|\/)node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f))
        .map((f) => f.replace(/^.*node_modules\//, '').replace(/\/package\.json$/, '')),
    );
    const needed = new Set(runtimeClosure(externals).values());
    expect([...packaged].filter((p) => !needed.has(p)).sort(), 'packaged but not needed by main').toEqual([]);
    expect([...needed].filter((p) => !packaged.has(p)).sort(), 'needed by main but not packaged').toEqual([]);
  });

  it('flipped the fuses electron-builder.yml sets, and left the rest as Electron ships them', async () => {
    const wire = await getCurrentFuseWire(join(appOut, 'sidekick'));
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire).toMatchObject({
      version: '1',
      [FuseV1Options.RunAsNode]: off,
      [FuseV1Options.EnableCookieEncryption]: on,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
      [FuseV1Options.EnableNodeCliInspectArguments]: off,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
      [FuseV1Options.OnlyLoadAppFromAsar]: on,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
      8: on, // wasm_trap_handlers, which the config leaves alone
    });
  });

  it(`stays under the size budget (${ASAR_BUDGET_BYTES / 1024 / 1024} MB)`, () => {
    const size = statSync(asarFile).size;
    console.info(`app.asar: ${(size / 1024 / 1024).toFixed(1)} MB`);
    expect(size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  // Check 2 of issue 10, packaged layout: the app as it is inside the asar, with isPackaged = true.
  it('the packaged main starts from the unpacked asar with only the packaged node_modules', async () => {
    const unpacked = join(work, 'app');
    asar.extractAll(asarFile, unpacked);
    const report = await runBuiltMain(unpacked, true);
    expectAppStarted(report);
    // Packaged: sidekick:// registered (not an AppImage here), still no AppUserModelID outside Windows.
    expect(report.protocolClients).toEqual(['sidekick']);
    expect(report.appUserModelIds).toEqual([]);
  });
});
