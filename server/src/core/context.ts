import type { Store } from '../store/database';
import type { FeedBus } from '../feed/feed-bus';
import type { ServerMetrics } from './metrics';

export interface ServerConfig {
  /** SHA-256 of SIDEKICK_ADMIN_TOKEN, or null when no bootstrap admin is configured. */
  adminTokenHash: string | null;
  /** SHA-256 of SIDEKICK_METRICS_TOKEN, the one token a Prometheus scraper needs; null: /metrics is admin-only. */
  metricsTokenHash: string | null;
  /** Secret of the Zendesk webhook (signing secret), or null to refuse Zendesk webhooks. */
  zendeskSecret: string | null;
  /** Shared secret Freshdesk sends in the X-Sidekick-Secret header, or null to refuse Freshdesk webhooks. */
  freshdeskSecret: string | null;
  heartbeatMs: number;
  /** Directory of the built renderer (renderer/dist). */
  rendererDir: string;
  /** Requests per minute per client on ingest routes. */
  ingestRatePerMinute: number;
  /** Failed authentications per minute per IP before 429. */
  authFailuresPerMinute: number;
  /** Check every reply against the route table (shared/api/routes.ts); the integration suite turns it on. */
  validateReplies: boolean;
}

/** What every route and service needs: the store, the live fan-out, the clock, the configuration. */
export interface AppContext {
  store: Store;
  bus: FeedBus;
  clock: () => Date;
  config: ServerConfig;
  metrics: ServerMetrics;
}
