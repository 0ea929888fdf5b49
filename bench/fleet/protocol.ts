import { z } from 'zod';

/**
 * Messages between the bench process and its fleet workers (child processes holding the client sockets, so the
 * clients never share a CPU event loop with the server or with the bench driver). Parsed on both sides.
 */
export const FleetClient = z.object({ token: z.string(), after: z.number().int().min(0) });
export type FleetClient = z.infer<typeof FleetClient>;

/** `sidekick` speaks the /api/live protocol (auth, hello, entries); `bare` just opens a plain socket. */
export const FleetMode = z.enum(['sidekick', 'bare']);
export type FleetMode = z.infer<typeof FleetMode>;

export const FleetCommand = z.discriminatedUnion('cmd', [
  z.object({
    cmd: z.literal('connect'),
    url: z.string(),
    mode: FleetMode,
    clients: z.array(FleetClient),
    concurrency: z.number().int().min(1),
    /** The loopback address this worker's sockets connect from (each has its own ephemeral ports). */
    localAddress: z.string().optional(),
  }),
  z.object({
    cmd: z.literal('expect'),
    marker: z.string(),
    timeoutMs: z.number().int().min(1),
    need: z.number().int().min(1).nullable(),
  }),
  z.object({ cmd: z.literal('close') }),
]);
export type FleetCommand = z.infer<typeof FleetCommand>;

export const FleetEvent = z.discriminatedUnion('ev', [
  z.object({ ev: z.literal('ready') }),
  z.object({ ev: z.literal('connected'), open: z.number(), failed: z.number(), errors: z.array(z.string()) }),
  /** `times` are CLOCK_MONOTONIC milliseconds (see bench/lib/clock.ts) at which each client got the marker. */
  z.object({
    ev: z.literal('delivered'),
    marker: z.string(),
    times: z.array(z.number()),
    missing: z.number(),
    duplicates: z.number(),
  }),
  z.object({ ev: z.literal('closed') }),
  z.object({ ev: z.literal('error'), message: z.string() }),
]);
export type FleetEvent = z.infer<typeof FleetEvent>;

/** Markers travel inside a kudos message (or the bare server's copy of one); workers find them with this. */
export const MARKER_PATTERN = /bench-marker:([A-Za-z0-9_-]+)/;
export const markerText = (marker: string): string => `bench-marker:${marker}`;
