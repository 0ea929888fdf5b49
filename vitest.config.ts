import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three layers, one runner: pure unit tests (Node), component tests (jsdom), integration tests against a
// real server on 127.0.0.1 with a real SQLite file and PostgreSQL. End-to-end tests run under Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'components',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // The suites share one PostgreSQL server and spawn server processes; one file at a time keeps them honest on 2 cores.
          fileParallelism: false,
          // Every server the suite starts (in-process or spawned) checks each reply against shared/api/routes.ts.
          // The per-person action limit is tested on its own (tests/integration/faults/limits.test.ts); the
          // other suites act many times a minute as one person.
          env: { SIDEKICK_VALIDATE_REPLIES: '1', SIDEKICK_ACTIONS_PER_MINUTE: '100000' },
        },
      },
    ],
  },
});
