import type { HelpdeskEvent } from '../../../../shared/domain/events';

/**
 * Reads an event body this server wrote. Every event was parsed by the HelpdeskEvent schema on its way in (ingest),
 * and bodies are only ever written from parsed events, so re-validating thousands of rows on every refresh would
 * cost more than the rest of the refresh; a JSON parse is enough here.
 */
export function storedEvent(body: string): HelpdeskEvent {
  return JSON.parse(body) as HelpdeskEvent;
}
