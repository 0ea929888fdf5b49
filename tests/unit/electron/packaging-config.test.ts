import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ID } from '../../../electron/main/startup/desktop-integration';
import { XWAYLAND_SWITCH } from '../../../electron/main/startup/display-server';
import { installerManifest } from '../../../electron/scripts/start/electron-binary';

// Check 5 of issue 10: a lint of the packaging configuration for each thing that broke a real launch.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const Manifest = z.object({
  homepage: z.url({ protocol: /^https$/ }).optional(),
  repository: z.object({ type: z.literal('git'), url: z.url() }).optional(),
  engines: z.object({ node: z.string() }).optional(),
  scripts: z.record(z.string(), z.string()),
});
const manifest = Manifest.parse(json(join(root, 'package.json')));

const Targets = z.array(z.union([z.string(), z.object({ target: z.string() })])).optional();
const Config = z.object({
  appId: z.string(),
  electronFuses: z.record(z.string(), z.boolean()).optional(),
  publish: z.array(z.object({ provider: z.string() })).optional(),
  linux: z.object({ target: Targets, executableArgs: z.array(z.string()).optional() }),
  deb: z.object({ depends: z.array(z.string()).optional() }).optional(),
  mac: z.object({ target: Targets, identity: z.string().nullable().optional() }),
});
const config = Config.parse(parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
const targetNames = (targets: z.infer<typeof Targets>) =>
  (targets ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('packaging configuration', () => {
  it('package.json has the homepage and repository `npm run dist` needs on Linux (deb metadata)', () => {
    expect(manifest.homepage, 'package.json "homepage"').toBeDefined();
    expect(manifest.repository?.url, 'package.json "repository"').toBeDefined();
  });

  it("the deb keeps electron-builder's default dependencies (GTK, NSS, libnotify, xdg-utils, libsecret, …)", () => {
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } };
    };
    const defaults = FpmTarget.prototype.getDefaultDepends('deb');
    expect(defaults).toContain('libgtk-3-0');
    const depends = config.deb?.depends;
    if (depends) expect(depends).toEqual(expect.arrayContaining(defaults));
    // Loading app-builder-lib takes seconds on a busy machine; this is a harness limit, not a timing check.
  }, 60_000);

  it('macOS builds a zip besides the dmg when publishing (electron-updater updates from the zip)', () => {
    const mac = targetNames(config.mac.target);
    expect(mac).toContain('dmg');
    if (config.publish?.length) expect(mac).toContain('zip');
  });

  it('fuses come with an ad-hoc identity or a signature reset, or the arm64 app will not launch', () => {
    if (!config.electronFuses) return;
    expect(config.electronFuses.resetAdHocDarwinSignature === true || config.mac.identity === '-').toBe(true);
  });

  it("engines.node asks for no Node older than Electron's installer (electron and @electron/get) accepts", () => {
    const electronManifest = require.resolve('electron/package.json');
    const installer = installerManifest(dirname(electronManifest), existsSync);
    expect(installer, '@electron/get').not.toBeNull();
    const ours = manifest.engines?.node;
    expect(ours, 'package.json "engines.node"').toBeDefined();
    for (const path of [electronManifest, installer!]) {
      const theirs = z.object({ engines: z.object({ node: z.string() }) }).parse(json(path)).engines.node;
      expect(semver.subset(ours!, theirs), `${ours} within ${theirs} (${dirname(path)})`).toBe(true);
    }
  });

  it('no postinstall fetches anything (CI has no network; npm start fetches Electron itself)', () => {
    expect(Object.keys(manifest.scripts)).not.toContain('postinstall');
    expect(Object.keys(manifest.scripts)).not.toContain('install');
  });

  it("the app's id in code is electron-builder's appId, and Linux desktop entries start it under XWayland", () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.linux.executableArgs).toContain(XWAYLAND_SWITCH);
    expect(targetNames(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });
});
