import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of this server instance, served at GET /metrics. One registry per instance (tests start many). */
export function createServerMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'sidekick_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'sidekick_http_request_seconds',
      help: 'HTTP request duration',
      labelNames: ['route', 'method'],
      registers: [registry],
    }),
    eventsIngested: new Counter({
      name: 'sidekick_events_ingested_total',
      help: 'Helpdesk events by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    feedEntries: new Counter({
      name: 'sidekick_feed_entries_total',
      help: 'Feed entries published to live sockets',
      registers: [registry],
    }),
    liveSockets: new Gauge({
      name: 'sidekick_live_sockets',
      help: 'Open live WebSocket connections',
      registers: [registry],
    }),
  };
}
export type ServerMetrics = ReturnType<typeof createServerMetrics>;
