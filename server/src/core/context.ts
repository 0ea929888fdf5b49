import type { Store } from '../store/database';
import type { FeedBus } from '../feed/feed-bus';
import type { ServerMetrics } from './metrics';
import type { ServerConfig } from './config';
import type { Lifecycle } from './lifecycle';
import type { RateLimits } from './rate-limits';

/** What every route and service needs: the store, the live fan-out, the clock, the configuration. */
export interface AppContext {
  store: Store;
  bus: FeedBus;
  clock: () => Date;
  config: ServerConfig;
  metrics: ServerMetrics;
  /** Whether the server is draining (SIGTERM), and who must act when it starts. */
  lifecycle: Lifecycle;
  /** Per-minute limits, shared by every instance on a PostgreSQL store. */
  limits: RateLimits;
}
