import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from './server-process';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * One server for the suite (fresh SQLite dir, demo team). Its address and tokens reach the tests through an
 * environment variable; the returned function is the global teardown.
 */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(here, '../../renderer/dist/index.html'))) {
    throw new Error('renderer/dist is missing: run "npm run build:renderer" first (npm run test:e2e does).');
  }
  fs.mkdirSync(path.join(here, 'artifacts', 'screenshots'), { recursive: true });
  const server = await spawnServer();
  process.env.SIDEKICK_E2E = JSON.stringify({
    url: server.url,
    adminToken: server.adminToken,
    dataDir: server.dataDir,
    people: server.people,
    pid: server.pid,
    clock: server.clock,
  });
  return async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
}
