import { z } from 'zod';
import { IMPORT_FORMATS } from '../../../../shared/api/import';
import { type RecordMapper } from '../import-types';
import { GenericMappingOptions, createGenericMapper } from './generic-mapping';
import { createZendeskMapper } from './zendesk-mapping';
import { createFreshdeskMapper } from './freshdesk-mapping';
import { SERVICENOW_DEFAULTS, createServiceNowMapper } from './servicenow-mapping';

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
    })
    .strict(),
  z.object({ mapping: z.literal('zendesk'), ...common }).strict(),
  z.object({ mapping: z.literal('freshdesk'), ...common }).strict(),
  z
    .object({ mapping: z.literal('servicenow'), ...common, timeFormat: z.string().min(1).optional() })
    .strict(),
]);
export type MappingSpec = z.infer<typeof MappingSpec>;

/** The file format a mapping reads when none is given: the ServiceNow log is a CSV, vendor exports are JSON Lines. */
export function defaultFormat(spec: MappingSpec): (typeof IMPORT_FORMATS)[number] {
  if (spec.format) return spec.format;
  return spec.mapping === 'servicenow' ? 'csv' : 'jsonl';
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

export function createMapper(spec: MappingSpec): RecordMapper {
  assertZone(spec.timezone);
  const shared = {
    ...(spec.source ? { source: spec.source } : {}),
    ...(spec.timezone ? { timezone: spec.timezone } : {}),
  };
  switch (spec.mapping) {
    case 'generic':
      return createGenericMapper({
        ...shared,
        timeFormat: spec.timeFormat,
        columns: spec.columns,
        constants: spec.constants,
      });
    case 'zendesk':
      return createZendeskMapper(shared);
    case 'freshdesk':
      return createFreshdeskMapper(shared);
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
