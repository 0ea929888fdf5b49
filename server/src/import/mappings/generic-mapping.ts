import { z } from 'zod';
import { HELPDESK_EVENT_TYPES } from '../../../../shared/domain/events';
import { type RecordMapper } from '../import-types';
import { RecordOutput, agentHandle, contentId } from './event-builder';
import { type ImportWarnings, SeenIds } from '../import-warnings';
import { FieldError, bool, field, instant, num, parseInstant, text, type TimeOptions } from './field-readers';

/**
 * Generic: one event per record. Columns are named after HelpdeskEvent fields by default (type, externalId,
 * ticketId, at, agent, public, satisfied, score, comment, customerName, talkSeconds, holdSeconds,
 * wrapSeconds, channel); a mapping file renames them and can fix a value for every row (e.g. a file that only
 * holds solves). `agent` is a handle ("zendesk:123", "email:a@b.c") or a bare id prefixed with the source.
 * Forgiving where real exports are awkward: `at` may name two columns (a date and a time, joined with a space
 * before `timeFormat` reads them), `where` keeps only the rows that match (e.g. answered calls), and a call
 * without a ticket id is its own ticket (`call:<id>`).
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

const ColumnName = z.string().min(1);

export const GenericMappingOptions = z.object({
  source: z.string().min(1).max(64).default('import'),
  timezone: z.string().min(1).default('UTC'),
  timeFormat: z.string().min(1).optional(),
  /** Event field → column (or dotted JSON path) in the file; `at` may be [date column, time column]. */
  columns: z
    .partialRecord(z.enum(GENERIC_FIELDS), z.union([ColumnName, z.array(ColumnName).min(2).max(3)]))
    .default({})
    .refine(
      (columns) =>
        Object.entries(columns).every(([name, value]) => name === 'at' || typeof value === 'string'),
      { message: 'only `at` may name several columns (e.g. ["Date", "Time"])' },
    ),
  /**
   * Keeps only rows whose column holds one of the values (trimmed, any case), e.g. { "Status": "Answered" };
   * the rest are counted as filtered, not rejected.
   */
  where: z.record(ColumnName, z.union([z.string(), z.array(z.string()).min(1)])).default({}),
  /** Event field → a value used for every record (e.g. { "type": "ticket_solved" }). */
  constants: z
    .partialRecord(z.enum(GENERIC_FIELDS), z.union([z.string(), z.number(), z.boolean()]))
    .default({}),
});
export type GenericMappingOptions = z.infer<typeof GenericMappingOptions>;

export interface GenericContext {
  warnings?: ImportWarnings | undefined;
  /** Set when no time zone was given: each time without an offset is read as UTC, and said so. */
  onNaive?: TimeOptions['onNaive'];
}

export function createGenericMapper(
  input: Partial<z.input<typeof GenericMappingOptions>> = {},
  context: GenericContext = {},
): RecordMapper {
  const options = GenericMappingOptions.parse(input);
  const time: TimeOptions = {
    timezone: options.timezone,
    format: options.timeFormat,
    onNaive: context.onNaive,
  };
  const column = (name: Exclude<GenericField, 'at'>) => {
    const c = options.columns[name];
    return typeof c === 'string' ? c : name;
  };
  const atColumns = options.columns.at ?? 'at';
  const where = Object.entries(options.where).map(
    ([col, values]) => [col, new Set((Array.isArray(values) ? values : [values]).map(norm))] as const,
  );
  // Only a file whose ids come from a column can repeat one; content-derived ids are unique by construction.
  let seen: SeenIds | undefined;
  const readAt = (row: Record<string, unknown>): string | undefined => {
    if (typeof atColumns === 'string') return instant(row, atColumns, time);
    const parts = atColumns.map((c) => text(row, c));
    if (parts.every((p) => p === undefined)) return undefined;
    const missing = atColumns.filter((_c, i) => parts[i] === undefined);
    if (missing.length > 0) throw new FieldError(`${missing.join(' and ')} (part of the time) is missing`);
    return parseInstant(parts.join(' '), atColumns.join(' + '), time);
  };
  const atLabel = typeof atColumns === 'string' ? atColumns : atColumns.join(' + ');
  return {
    map: ({ line, fields }) => {
      for (const [col, values] of where) {
        const value = field(fields, col);
        if (!values.has(norm(value === undefined || value === null ? '' : String(value))))
          return { events: [], rejections: [], filtered: true };
      }
      return RecordOutput.of(line, (out) => {
        // Constants are merged in under the column name so every reader sees one uniform record.
        const row: Record<string, unknown> = { ...fields };
        for (const [name, value] of Object.entries(options.constants))
          row[name === 'at' ? atLabel : column(name as Exclude<GenericField, 'at'>)] = value;
        const type = text(row, column('type'));
        if (!type) throw new FieldError(`${column('type')} (the event type) is missing`);
        if (!(HELPDESK_EVENT_TYPES as readonly string[]).includes(type))
          throw new FieldError(
            `"${type}" is not an event type (expected one of ${HELPDESK_EVENT_TYPES.join(', ')})`,
          );
        const at = readAt(row);
        if (!at) throw new FieldError(`${atLabel} (when it happened) is missing`);
        const agent = text(row, column('agent'));
        const givenId = text(row, column('externalId'));
        if (givenId !== undefined) {
          seen ??= new SeenIds();
          if (seen.add(givenId)) context.warnings?.repeatedId(column('externalId'), givenId);
        }
        const externalId = givenId ?? contentId(fields);
        const candidate: Record<string, unknown> = {
          type,
          source: options.source,
          externalId,
          // A call log has no tickets: each call is its own, so the event is valid and the call counted once.
          ticketId:
            text(row, column('ticketId')) ?? (type === 'call_handled' ? `call:${externalId}` : undefined),
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
      });
    },
    finish: () => ({ events: [], rejections: [] }),
  };
}

const norm = (value: string) => value.trim().toLowerCase();

/** The fields that are not undefined (a plain loop: this runs once per row of a million-row file). */
function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in o) if (o[key] !== undefined) out[key] = o[key];
  return out;
}
