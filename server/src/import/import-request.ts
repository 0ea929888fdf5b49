import { z } from 'zod';
import { IMPORT_FORMATS } from './record-readers';
import { BUILT_IN_MAPPINGS, MappingSpec, parseMappingFile } from './mappings/mapping-spec';

/**
 * The query of POST /api/admin/import: either a built-in mapping by name with a few options, or a whole mapping
 * file as JSON in `spec` (for generic files with renamed columns). Same shape as the CLI flags.
 */
export const ImportQuery = z
  .object({
    mapping: z.enum(BUILT_IN_MAPPINGS).optional(),
    format: z.enum(IMPORT_FORMATS).optional(),
    source: z.string().min(1).max(64).optional(),
    timezone: z.string().min(1).max(64).optional(),
    timeFormat: z.string().min(1).max(64).optional(),
    // The whole URL must fit in Node's 16 KiB header limit; mapping files are small.
    spec: z.string().max(8_000).optional(),
  })
  .strict()
  .refine((q) => (q.mapping === undefined) !== (q.spec === undefined), {
    message:
      'give either `mapping` (generic, zendesk, freshdesk, servicenow) or `spec` (a mapping file as JSON)',
  });
export type ImportQuery = z.infer<typeof ImportQuery>;

/** Turns the query (or CLI flags, which have the same names) into a validated mapping spec. */
export function mappingSpecFrom(query: ImportQuery): MappingSpec {
  if (query.spec !== undefined) {
    const fromFile = parseMappingFile(query.spec);
    return overrides(fromFile, query);
  }
  const parsed = MappingSpec.safeParse({
    mapping: query.mapping,
    ...(query.mapping === 'generic' ? { columns: {}, constants: {} } : {}),
  });
  if (!parsed.success)
    throw new Error(`invalid mapping: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return overrides(parsed.data, query);
}

function overrides(spec: MappingSpec, query: ImportQuery): MappingSpec {
  const merged: Record<string, unknown> = { ...spec };
  if (query.format) merged.format = query.format;
  if (query.source) merged.source = query.source;
  if (query.timezone) merged.timezone = query.timezone;
  if (query.timeFormat) {
    if (spec.mapping !== 'generic' && spec.mapping !== 'servicenow')
      throw new Error(`timeFormat does not apply to the ${spec.mapping} mapping (its exports use ISO-8601)`);
    merged.timeFormat = query.timeFormat;
  }
  return MappingSpec.parse(merged);
}
