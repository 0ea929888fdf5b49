import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext, ServerConfig } from '../core/context';
import { openStore, type StoreOptions } from '../store/database';
import { FeedBus } from '../feed/feed-bus';
import { createServerMetrics } from '../core/metrics';
import { hashToken } from '../auth/tokens';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../../renderer/dist');

export interface ContextOptions extends StoreOptions {
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
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const env = process.env;
  const adminToken =
    options.adminToken === undefined ? (env.SIDEKICK_ADMIN_TOKEN ?? null) : options.adminToken;
  const config: ServerConfig = {
    adminTokenHash: adminToken ? hashToken(adminToken) : null,
    metricsTokenHash: env.SIDEKICK_METRICS_TOKEN ? hashToken(env.SIDEKICK_METRICS_TOKEN) : null,
    zendeskSecret: env.SIDEKICK_ZENDESK_SECRET ?? null,
    freshdeskSecret: env.SIDEKICK_FRESHDESK_SECRET ?? null,
    heartbeatMs: Number(env.SIDEKICK_HEARTBEAT_MS ?? 15_000),
    rendererDir: env.SIDEKICK_RENDERER_DIR ?? DEFAULT_RENDERER_DIR,
    ingestRatePerMinute: Number(env.SIDEKICK_INGEST_RATE_PER_MINUTE ?? 600),
    authFailuresPerMinute: Number(env.SIDEKICK_AUTH_FAILURES_PER_MINUTE ?? 30),
    validateReplies: env.SIDEKICK_VALIDATE_REPLIES === '1',
    ...options.config,
  };
  return { store, bus: new FeedBus(), clock: clockFrom(options.now), config, metrics: createServerMetrics() };
}
