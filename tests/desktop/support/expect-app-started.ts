import { extname } from 'node:path';
import { expect } from 'vitest';
import type { BuiltMainReport } from './built-main';

/** The MIME type each kind of file the renderer build emits must be served with (strict MIME checks). */
const EXPECTED_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** What any start of the built app must have done, dev layout or packaged. */
export function expectAppStarted(report: BuiltMainReport) {
  expect(report.error, report.stderr).toBeUndefined();
  // Electron requires privileged schemes before ready, and the sandbox switch too.
  expect(report.schemes).toEqual([{ scheme: 'app', beforeReady: true }]);
  expect(report.sandboxEnabled && report.sandboxEnabledBeforeReady).toBe(true);
  expect(report.loadedUrl).toBe('app://sidekick/index.html');
  expect(report.preloadExists, report.preloadPath).toBe(true);
  expect(report.preloadInsideApp).toBe(true);
  expect(report.webPreferences).toMatchObject({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
  });
  expect(report.trayImages.length).toBeGreaterThan(0);
  for (const image of report.trayImages) expect(image.exists, image.path).toBe(true);
  expect(report.ipcChannels.length).toBeGreaterThan(10);
  // Pairing links from a second instance or macOS, the macOS `activate`, quitting past the close guard,
  // staying in the tray with no window, and the web-contents hardening.
  for (const [event, count] of Object.entries(report.appListeners)) expect(count, event).toBeGreaterThan(0);
  expect(Object.keys(report.appListeners)).toContain('activate');

  const referenced = report.assets.filter((a) => a.referencedByIndex);
  expect(referenced.map((a) => extname(new URL(a.url).pathname)).sort()).toEqual(
    expect.arrayContaining(['.css', '.js']),
  );
  for (const asset of report.assets) {
    const expected = EXPECTED_TYPES[extname(new URL(asset.url).pathname)];
    expect(expected, `no expected MIME type for ${asset.url}`).toBeDefined();
    expect(asset, asset.url).toMatchObject({ status: 200, contentType: expected, sameBytesAsFile: true });
    expect(asset.csp, asset.url).toContain("script-src 'self'");
  }
}
