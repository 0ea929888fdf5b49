import { describe, expect, it } from 'vitest';
import { runBuiltMain } from './support/built-main';
import { repoRoot } from './support/bundles';
import { expectAppStarted } from './support/expect-app-started';

// Check 2 of issue 10 (development layout; the packaged one is in packaging.test.ts): the built entry file
// runs under plain Node with `electron` resolved to the project's fake.
describe('out/main/index.js in the development layout (npm start)', () => {
  it('starts: scheme before ready, every renderer file served with its MIME type, preload and tray found', async () => {
    const report = await runBuiltMain(repoRoot, false);
    expectAppStarted(report);
    // A development run registers nothing with the OS and keeps no AppUserModelID.
    expect(report.protocolClients).toEqual([]);
    expect(report.appUserModelIds).toEqual([]);
    // Linux: no application menu at all (Electron's default one reloads the popover).
    expect(report.applicationMenu).toBeNull();
  });
});
