import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// Debian's Chromium: `npx playwright install` cannot download browsers here (or in CI).
const executablePath = process.env.SIDEKICK_CHROMIUM ?? '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * End-to-end: the real sync server (spawned by global-setup on 127.0.0.1 with a fresh SQLite dir and the demo
 * team) serving renderer/dist, driven through the browser host in Chromium at popover size.
 */
export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: `${here}../../test-results/e2e`,
  globalSetup: `${here}global-setup.ts`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 400, height: 600 },
    // The browser's zone and language are fixed too; the clock follows the server's (fixtures.ts newContext).
    timezoneId: 'UTC',
    locale: 'en-GB',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
