import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FeedEntry, type FeedEntryType } from '../../../shared/api/feed';

/**
 * The entries of one `feedMany` call (a team kudos: one kudos entry per member) split into the fields every
 * payload has in common, stored and checked once, and each person's own fields. Checking the common fields once
 * and each person's own fields with the same field schemas is checking every whole payload: a payload schema
 * that is a plain object (no check across its fields) accepts an object exactly when it accepts each field.
 */
export interface SharedPayloads {
  id: string;
  /** The common fields' JSON object text (feed_shared.body). */
  body: string;
  /** Per item, in order: its own fields' JSON object text (the feed row's payload) and its whole payload. */
  own: string[];
  payloads: unknown[];
}

type PayloadSchema = z.ZodObject<z.ZodRawShape>;

const payloadSchemas = new Map<string, PayloadSchema | null>(
  FeedEntry.options.map((o) => {
    const schema = o.shape.payload as z.ZodType;
    const plain = schema instanceof z.ZodObject && (schema._zod.def.checks?.length ?? 0) === 0;
    return [o.shape.type.value, plain ? (schema as PayloadSchema) : null];
  }),
);

/**
 * The schema of the fields of `type` that differ between members, made once per set of fields (a team kudos
 * splits the same way every time): a new zod object schema compiles its checker on its first parse.
 */
const ownSchemas = new Map<string, z.ZodType>();
function ownFieldsSchema(type: string, schema: PayloadSchema, ownKeys: readonly string[]): z.ZodType {
  const id = `${type}\u0000${ownKeys.join('\u0000')}`;
  let own = ownSchemas.get(id);
  if (!own) {
    own = schema.pick(Object.fromEntries(ownKeys.map((k) => [k, true])));
    ownSchemas.set(id, own);
  }
  return own;
}

/**
 * Splits `payloads` (at least two, of `type`) into common and own fields, checking them with the type's schema;
 * null when the type's payload is not a plain object schema (then each entry is checked and stored whole).
 * Throws, like FeedEntry.parse would, when a payload does not match.
 */
export function sharePayloads(type: FeedEntryType, payloads: readonly unknown[]): SharedPayloads | null {
  const schema = payloadSchemas.get(type);
  const first = payloads[0];
  if (!schema || payloads.length < 2 || typeof first !== 'object' || first === null) return null;
  const records = payloads as readonly Record<string, unknown>[];
  const keys = Object.keys(schema.shape);
  // A field is common when every payload has the same value (compared as JSON when it is an object or array).
  const common = keys.filter((key) => {
    const value = (first as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object') return records.every((p) => p[key] === value);
    const text = JSON.stringify(value);
    return records.every((p) => JSON.stringify(p[key]) === text);
  });
  const commonSet = new Set(common);
  const ownKeys = keys.filter((key) => !commonSet.has(key));
  // The first payload checked whole (its common fields are every payload's), the rest by their own fields.
  const parsedFirst = schema.parse(first) as Record<string, unknown>;
  const ownSchema = ownFieldsSchema(type, schema, ownKeys);
  const shared: Record<string, unknown> = {};
  for (const k of common) shared[k] = parsedFirst[k];
  const own: string[] = [];
  const whole: unknown[] = [];
  for (const p of records) {
    const fields = ownSchema.parse(p) as Record<string, unknown>;
    own.push(JSON.stringify(fields));
    // Object.assign, not spread: spreading `shared` into 5,000 objects is many times slower.
    whole.push(Object.assign({}, fields, shared));
  }
  return { id: randomUUID(), body: JSON.stringify(shared), own, payloads: whole };
}
