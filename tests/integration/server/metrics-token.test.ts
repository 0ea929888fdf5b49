import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { hashToken } from '../../../server/src/auth/tokens';

const SCRAPER = 'sk_prometheus_scraper_token_for_tests_0001';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-metrics-'));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    dataDir,
    port: 0,
    adminToken: 'sk_admin_for_metrics_token_test_0001',
    scheduler: false,
    config: { metricsTokenHash: hashToken(SCRAPER) },
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a Prometheus scraper with SIDEKICK_METRICS_TOKEN', () => {
  it('reads /metrics with its own token, which opens nothing else', async () => {
    const get = (route: string, token: string) =>
      fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
    const metrics = await get('/metrics', SCRAPER);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('sidekick_http_requests_total');
    expect((await get('/api/admin/teams', SCRAPER)).status).toBe(401);
    expect((await get('/metrics', 'sk_not_the_scraper_token_at_all_0001')).status).toBe(401);
  });
});
