import { eventKey, type HelpdeskEvent } from './events';
import type { IsoInstant, TimeWindow } from './primitives';
import { msOf } from './time';

/**
 * Canonical order for events: by instant, then idempotency key, then content. Every computation walks events
 * in this order, so the order in which they arrived can never change a result.
 */
export function compareEvents(a: HelpdeskEvent, b: HelpdeskEvent): number {
  // The same object met twice (one event loaded for two windows) is equal without serialising it.
  if (a === b) return 0;
  return msOf(a.at) - msOf(b.at) || cmp(eventKey(a), eventKey(b)) || cmp(stableJson(a), stableJson(b));
}

/** One event per (source, externalId). When copies differ, the canonically first one wins, whatever arrived first. */
export function dedupeEvents(events: readonly HelpdeskEvent[]): HelpdeskEvent[] {
  const byKey = new Map<string, HelpdeskEvent>();
  for (const e of events) {
    const key = eventKey(e);
    const seen = byKey.get(key);
    if (!seen || (seen !== e && compareEvents(e, seen) < 0)) byKey.set(key, e);
  }
  return [...byKey.values()].sort(compareEvents);
}

export function inWindow(at: IsoInstant, window: TimeWindow): boolean {
  const t = msOf(at);
  return t >= msOf(window.from) && t < msOf(window.to);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stableJson(e: HelpdeskEvent): string {
  return JSON.stringify(Object.entries(e).sort(([a], [b]) => cmp(a, b)));
}
