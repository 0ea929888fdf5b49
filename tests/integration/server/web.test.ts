import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';

// Serving the web companion does not depend on the store; the SQLite case is enough.
describe('the web companion at /', () => {
  const servers: TestServer[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('serves the built renderer with a strict CSP', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-dist-'));
    dirs.push(dist);
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><title>Sidekick</title><script type="module" src="./assets/app.js"></script>',
    );
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("hi")');
    const t = await startTestServer(DIALECTS[0]!, { config: { rendererDir: dist } });
    servers.push(t);
    const page = await fetch(`${t.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Sidekick</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("frame-ancestors 'none'");
    const script = await fetch(`${t.url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('says how to build it when renderer/dist is missing', async () => {
    const t = await startTestServer(DIALECTS[0]!, {
      config: { rendererDir: path.join(os.tmpdir(), 'sidekick-no-such-dist') },
    });
    servers.push(t);
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build:renderer');
  });
});
