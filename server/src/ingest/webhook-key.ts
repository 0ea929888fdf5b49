import { createHash } from 'node:crypto';

/**
 * The idempotency key of a webhook delivery that carries no vendor event id and no vendor time. It must not
 * depend on when the delivery arrived: a vendor retry (or a replayed delivery) minutes later has to map to the
 * same stored event, so the key is built from the fields that describe the event itself. Two genuinely
 * different events with all of these fields equal cannot be told apart from a replay, and count once.
 */
export function contentKey(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `h${createHash('sha256')
    .update(JSON.stringify(fields.map((f) => (f === undefined ? null : f))))
    .digest('hex')
    .slice(0, 24)}`;
}
