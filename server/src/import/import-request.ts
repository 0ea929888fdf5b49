import type { ImportQuery } from '../../../shared/api/import';
import { MappingSpec, parseMappingFile } from './mappings/mapping-spec';

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
