import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Generators of bodies a schema must refuse: near misses (a valid body with one field removed, retyped or
 * replaced by garbage, or an unknown nested shape) and far misses (any JSON value). Each candidate goes
 * through JSON first, as it would on the wire, and is kept only if the schema really refuses it.
 */
const jsonRoundTrip = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text === undefined ? null : (JSON.parse(text) as unknown);
};

const garbage = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-13-45T99:99:99Z',
    'javascript:alert(1)',
    '<script>x</script>',
    "'; drop table events; --",
    '\u0000',
    'NaN',
    '-1',
  ),
);

function mutate(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(template);
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    key.map((k) => {
      const { [k]: _dropped, ...rest } = template;
      return rest;
    }),
    fc.tuple(key, garbage).map(([k, v]) => ({ ...template, [k]: v })),
    fc.tuple(key, key, garbage, garbage).map(([a, b, va, vb]) => ({ ...template, [a]: va, [b]: vb })),
  );
}

export function malformedBody(schema: z.ZodType, template: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .oneof({ weight: 3, arbitrary: mutate(template) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) })
    .map(jsonRoundTrip)
    .filter((body) => !schema.safeParse(body).success);
}

/** Text that is not JSON at all, sent as application/json. */
export const notJson = fc.string({ maxLength: 200 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
