import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { buildApp, type BuildAppOptions } from './build-app';
import { createServerContext, type ContextOptions } from './server-context';
import { startScheduler, type Scheduler } from '../scheduler/scheduler';
import { seedDemo, type DemoToken } from '../demo/seed-demo';
import { pollDueConnections } from '../connectors/poll-due';
import { ingestEvents } from '../ingest/ingest-service';
import { holdSqliteServerLock } from '../store/sqlite-server-lock';
import { SessionLock } from '../store/session-lock';

export interface StartServerOptions extends ContextOptions {
  host?: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Seed the demo team (idempotent: an already seeded store keeps its data and gets fresh tokens; earlier demo tokens are revoked). */
  demo?: boolean;
  logger?: boolean;
  plugins?: BuildAppOptions['plugins'];
  /** Run weekly offers / settlement on a timer (default true). */
  scheduler?: boolean;
  /** How often due helpdesk connections are looked for (default 5 s; each polls at its own interval). */
  connectorCheckMs?: number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  demoTokens?: DemoToken[];
  /** The scheduled jobs, or null when started with `scheduler: false`. */
  scheduler: Scheduler | null;
  /**
   * Drains and stops: /readyz turns 503, live sockets close with the "reconnect" code (1012), no new
   * connections are accepted, in-flight requests finish, then the bus and the store close.
   */
  close(): Promise<void>;
}

/** Starts the sync server: store, migrations, optional demo seed, HTTP + WebSocket, feed bus, scheduled jobs. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ctx = await createServerContext(options);
  let demoTokens: DemoToken[] | undefined;
  let app: FastifyInstance;
  let release = () => undefined as void;
  try {
    // SQLite serves one instance: a second server process on the same file refuses to start.
    if (ctx.store.dialect === 'sqlite') release = holdSqliteServerLock(ctx.store.location);
    await ctx.bus.start();
    if (options.demo) demoTokens = await seedDemo(ctx);
    app = await buildApp(ctx, { logger: options.logger, plugins: options.plugins });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787 });
  } catch (error) {
    // A server that cannot start (a port in use, a route outside the table) leaves nothing open behind it.
    await ctx.bus.close();
    await ctx.store.close();
    release();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // On PostgreSQL every instance runs a scheduler, but only the holder of the advisory lock does the work.
  const lock = ctx.store.sessionUrl
    ? new SessionLock(
        ctx.store.sessionUrl,
        `sidekick-scheduler:${ctx.store.schema ?? 'public'}`,
        `sidekick-scheduler ${ctx.store.schema ?? 'public'}`.slice(0, 63),
      )
    : null;
  const scheduler =
    options.scheduler === false
      ? null
      : startScheduler(ctx, {
          lock,
          jobs: [
            {
              name: 'helpdesk connections',
              everyMs: options.connectorCheckMs ?? 5_000,
              run: () => pollDueConnections(ctx, { ingest: (c, events) => ingestEvents(c, events) }),
            },
          ],
        });
  let closing: Promise<void> | null = null;
  return {
    url,
    app,
    ctx,
    scheduler,
    ...(demoTokens ? { demoTokens } : {}),
    close: () =>
      (closing ??= (async () => {
        ctx.lifecycle.drain();
        scheduler?.stop();
        await scheduler?.idle();
        await lock?.close();
        await app.close();
        await ctx.bus.close();
        await ctx.store.close();
        release();
      })()),
  };
}
