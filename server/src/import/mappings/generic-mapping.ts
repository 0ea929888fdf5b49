import { z } from 'zod';
import { HELPDESK_EVENT_TYPES } from '../../../../shared/domain/events';
import { type RecordMapper } from '../import-types';
import { RecordOutput, agentHandle, contentId } from './event-builder';
import { FieldError, bool, instant, num, text, type TimeOptions } from './field-readers';

/**
 * Generic: one event per record. Columns are named after HelpdeskEvent fields by default (type, externalId,
 * ticketId, at, agent, public, satisfied, score, comment, customerName, talkSeconds, holdSeconds,
 * wrapSeconds, channel); a mapping file renames them and can fix a value for every row (e.g. a file that only
 * holds solves). `agent` is a handle ("zendesk:123", "email:a@b.c") or a bare id prefixed with the source.
 */
export const GENERIC_FIELDS = [
  'type',
  'externalId',
  'ticketId',
  'at',
  'agent',
  'public',
  'satisfied',
  'score',
  'comment',
  'customerName',
  'talkSeconds',
  'holdSeconds',
  'wrapSeconds',
  'channel',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

export const GenericMappingOptions = z.object({
  source: z.string().min(1).max(64).default('import'),
  timezone: z.string().min(1).default('UTC'),
  timeFormat: z.string().min(1).optional(),
  /** Event field → column (or dotted JSON path) in the file. */
  columns: z.partialRecord(z.enum(GENERIC_FIELDS), z.string().min(1)).default({}),
  /** Event field → a value used for every record (e.g. { "type": "ticket_solved" }). */
  constants: z
    .partialRecord(z.enum(GENERIC_FIELDS), z.union([z.string(), z.number(), z.boolean()]))
    .default({}),
});
export type GenericMappingOptions = z.infer<typeof GenericMappingOptions>;

export function createGenericMapper(
  input: Partial<z.input<typeof GenericMappingOptions>> = {},
): RecordMapper {
  const options = GenericMappingOptions.parse(input);
  const time: TimeOptions = { timezone: options.timezone, format: options.timeFormat };
  const column = (name: GenericField) => options.columns[name] ?? name;
  return {
    map: ({ line, fields }) =>
      RecordOutput.of(line, (out) => {
        // Constants are merged in under the column name so every reader sees one uniform record.
        const row: Record<string, unknown> = { ...fields };
        for (const [name, value] of Object.entries(options.constants))
          row[column(name as GenericField)] = value;
        const type = text(row, column('type'));
        if (!type) throw new FieldError(`${column('type')} (the event type) is missing`);
        if (!(HELPDESK_EVENT_TYPES as readonly string[]).includes(type))
          throw new FieldError(
            `"${type}" is not an event type (expected one of ${HELPDESK_EVENT_TYPES.join(', ')})`,
          );
        const at = instant(row, column('at'), time);
        if (!at) throw new FieldError(`${column('at')} (when it happened) is missing`);
        const agent = text(row, column('agent'));
        const candidate: Record<string, unknown> = {
          type,
          source: options.source,
          externalId: text(row, column('externalId')) ?? contentId(fields),
          ticketId: text(row, column('ticketId')),
          at,
          agent: agent === undefined ? undefined : agentHandle(options.source, agent),
          public: type === 'agent_replied' ? (bool(row, column('public')) ?? true) : undefined,
          channel: type === 'ticket_created' ? text(row, column('channel')) : undefined,
          comment: text(row, column('comment')),
        };
        if (type === 'csat_rated') {
          candidate.satisfied = bool(row, column('satisfied'));
          candidate.originalScore = text(row, column('score')) ?? String(candidate.satisfied);
          candidate.customerName = text(row, column('customerName'));
        }
        if (type === 'qa_scored') candidate.score = num(row, column('score'));
        if (type === 'call_handled') {
          candidate.talkSeconds = num(row, column('talkSeconds')) ?? 0;
          candidate.holdSeconds = num(row, column('holdSeconds')) ?? 0;
          candidate.wrapSeconds = num(row, column('wrapSeconds')) ?? 0;
        }
        out.add(withoutUndefined(candidate));
      }),
    finish: () => ({ events: [], rejections: [] }),
  };
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
