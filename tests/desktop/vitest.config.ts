import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The desktop layer: the built bundles (`npm run build` runs first, see package.json "test:desktop"), the
// built main under plain Node, the Electron path in Chromium and offline packaging. Slow and CPU-heavy, so
// one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'desktop',
    include: ['tests/desktop/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
