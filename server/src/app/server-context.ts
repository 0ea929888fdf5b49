import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../core/context';
import { ConfigError, serverConfigFrom, type Environment, type ServerConfig } from '../core/config';
import { processEnvironment } from './environment';
import { openStore, type Store, type StoreOptions } from '../store/database';
import { LocalFeedBus, type FeedBus } from '../feed/feed-bus';
import { PostgresFeedBus } from '../feed/postgres-feed-bus';
import { RedisFeedBus } from '../feed/redis-feed-bus';
import { createServerMetrics } from '../core/metrics';
import { Lifecycle } from '../core/lifecycle';
import { rateLimitsFor } from '../core/rate-limits';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../../renderer/dist');

export interface ContextOptions extends StoreOptions {
  /** The parsed environment; default: this process's (app/environment.ts). */
  environment?: Environment;
  /** Overrides SIDEKICK_ADMIN_TOKEN; null: no bootstrap admin. */
  adminToken?: string | null;
  /** A fixed start instant: the clock starts there and runs on in real time (demo data and tests stay reproducible). */
  now?: Date | string | (() => Date);
  config?: Partial<Omit<ServerConfig, 'adminTokenHash'>>;
}

export function clockFrom(now: ContextOptions['now']): () => Date {
  if (typeof now === 'function') return now;
  if (now === undefined) return () => new Date();
  const offset = new Date(now).getTime() - Date.now();
  if (Number.isNaN(offset)) throw new Error(`not an instant: ${String(now)}`);
  return () => new Date(Date.now() + offset);
}

/**
 * Opens the store and builds the context every route and service uses. The importer uses this directly to
 * call `ingestEvents` in-process: `const ctx = await createServerContext({ dataDir }); … await ctx.store.close()`.
 */
export async function createServerContext(options: ContextOptions = {}): Promise<AppContext> {
  const config: ServerConfig = {
    ...serverConfigFrom(options.environment ?? processEnvironment(), {
      rendererDir: DEFAULT_RENDERER_DIR,
      adminToken: options.adminToken,
    }),
    ...options.config,
  };
  const clock = clockFrom(options.now);
  // Opened last: a bad setting above fails before anything is opened.
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  let bus: FeedBus;
  try {
    bus = feedBusFor(store, config);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    bus,
    clock,
    config,
    metrics: createServerMetrics(),
    lifecycle: new Lifecycle(),
    limits: rateLimitsFor(store, clock),
  };
}

/** The feed bus the configuration and the store call for (docs/running-several-instances.md). */
function feedBusFor(store: Store, config: ServerConfig): FeedBus {
  const choice = config.feedBus;
  if (choice === 'in-process') return new LocalFeedBus();
  if (choice === 'redis') {
    if (store.dialect !== 'postgres')
      throw new ConfigError(
        'SIDEKICK_FEED_BUS=redis needs a PostgreSQL store (DATABASE_URL); SQLite serves one instance.',
      );
    if (config.redisUrl === null)
      throw new ConfigError(
        'SIDEKICK_FEED_BUS=redis needs SIDEKICK_REDIS_URL (e.g. redis://127.0.0.1:6379).',
      );
    return new RedisFeedBus(store, config.redisUrl);
  }
  if (store.dialect === 'postgres') return new PostgresFeedBus(store);
  if (choice === 'postgres')
    throw new ConfigError(
      'SIDEKICK_FEED_BUS=postgres needs a PostgreSQL store (DATABASE_URL); SQLite serves one instance.',
    );
  return new LocalFeedBus();
}
