import { z } from 'zod';
import { IMPORT_FORMATS } from '../../../../shared/api/import';
import { type RecordMapper } from '../import-types';
import { GenericMappingOptions, createGenericMapper } from './generic-mapping';
import { createZendeskMapper } from './zendesk-mapping';
import { createFreshdeskMapper } from './freshdesk-mapping';
import { SERVICENOW_DEFAULTS, createServiceNowMapper } from './servicenow-mapping';
import { createMojoMapper } from './mojo-mapping';
import { type ImportWarnings } from '../import-warnings';

const common = {
  format: z.enum(IMPORT_FORMATS).optional(),
  source: z.string().min(1).max(64).optional(),
  timezone: z.string().min(1).max(64).optional(),
};

/**
 * A mapping file (JSON), or the same object built from CLI flags / query parameters. Examples:
 *   { "mapping": "servicenow", "timezone": "Europe/Lisbon" }
 *   { "mapping": "generic", "format": "csv", "source": "legacy", "timeFormat": "dd/MM/yyyy HH:mm",
 *     "columns": { "ticketId": "Ticket", "at": "Closed", "agent": "Owner" }, "constants": { "type": "ticket_solved" } }
 */
export const MappingSpec = z.discriminatedUnion('mapping', [
  z
    .object({
      mapping: z.literal('generic'),
      ...common,
      timeFormat: z.string().min(1).optional(),
      columns: GenericMappingOptions.shape.columns,
      constants: GenericMappingOptions.shape.constants,
      where: GenericMappingOptions.shape.where.optional(),
    })
    .strict(),
  z.object({ mapping: z.literal('zendesk'), ...common }).strict(),
  z.object({ mapping: z.literal('freshdesk'), ...common }).strict(),
  z.object({ mapping: z.literal('mojo'), ...common }).strict(),
  z
    .object({ mapping: z.literal('servicenow'), ...common, timeFormat: z.string().min(1).optional() })
    .strict(),
]);
export type MappingSpec = z.infer<typeof MappingSpec>;

/**
 * The file format a mapping reads when none is given: the ServiceNow log is a CSV, Mojo's API answers JSON
 * arrays, other vendor exports are JSON Lines. (The CLI also goes by the file's extension.)
 */
export function defaultFormat(spec: MappingSpec): (typeof IMPORT_FORMATS)[number] {
  if (spec.format) return spec.format;
  if (spec.mapping === 'servicenow') return 'csv';
  return spec.mapping === 'mojo' ? 'json' : 'jsonl';
}

/** Checks a time zone name with luxon-compatible Intl, so a typo fails before anything is read. */
function assertZone(timezone: string | undefined): void {
  if (timezone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new Error(`unknown time zone "${timezone}" (expected an IANA name such as Europe/Warsaw)`);
  }
}

/**
 * The mapper for a spec. `warnings` hears what may not be what was meant: without an explicit time zone, every
 * time that carries no offset is read as UTC and reported (the zone cannot be guessed from the file).
 */
export function createMapper(spec: MappingSpec, warnings?: ImportWarnings): RecordMapper {
  assertZone(spec.timezone);
  const onNaive = spec.timezone || !warnings ? undefined : (raw: string) => warnings.naiveTime(raw);
  const shared = {
    ...(spec.source ? { source: spec.source } : {}),
    ...(spec.timezone ? { timezone: spec.timezone } : {}),
    ...(onNaive ? { onNaive } : {}),
  };
  switch (spec.mapping) {
    case 'generic':
      return createGenericMapper(
        {
          ...(spec.source ? { source: spec.source } : {}),
          ...(spec.timezone ? { timezone: spec.timezone } : {}),
          timeFormat: spec.timeFormat,
          columns: spec.columns,
          constants: spec.constants,
          ...(spec.where ? { where: spec.where } : {}),
        },
        { warnings, onNaive },
      );
    case 'zendesk':
      return createZendeskMapper(shared);
    case 'freshdesk':
      return createFreshdeskMapper(shared);
    case 'mojo':
      return createMojoMapper(shared);
    case 'servicenow':
      return createServiceNowMapper({
        ...shared,
        timeFormat: spec.timeFormat ?? SERVICENOW_DEFAULTS.timeFormat,
      });
  }
}

/** Parses a mapping file's text, with a message that names the file's problem. */
export function parseMappingFile(json: string): MappingSpec {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Error(`mapping file is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = MappingSpec.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `mapping file is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
