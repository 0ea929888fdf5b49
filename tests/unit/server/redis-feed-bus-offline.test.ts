import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { RedisFeedBus } from '../../../server/src/feed/redis-feed-bus';
import type { Store } from '../../../server/src/store/database';

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * With Redis down, ending sessions (a revoke) must fail fast: before, the publish sat in ioredis' offline queue
 * through its retries and the revoke request hung for about 35 s.
 */
describe('the Redis feed bus with Redis down', () => {
  it('rejects endSessions within seconds instead of queueing the publish', async () => {
    // The bus reads only the store's session URL and schema (for its channel name); it never queries it here.
    const store = { sessionUrl: 'postgres://x@127.0.0.1/test', schema: 'public' } as unknown as Store;
    const bus = new RedisFeedBus(store, `redis://127.0.0.1:${await deadPort()}`, () => undefined);
    await bus.start().catch(() => undefined);
    const started = Date.now();
    const outcome = await Promise.race([
      bus.endSessions({ who: { tokenHash: 'h' }, reason: 'signedOut', message: 'gone' }).then(
        () => 'resolved',
        () => 'rejected',
      ),
      new Promise((r) => setTimeout(() => r('still waiting'), 5_000)),
    ]);
    await bus.close();
    expect(outcome).toBe('rejected');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);
});
