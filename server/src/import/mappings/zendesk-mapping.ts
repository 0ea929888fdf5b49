import { type MapOutput, type RecordMapper, type SourceRecord } from '../import-types';
import { isZendeskSatisfied } from '../../../../shared/domain/csat-scores';
import { RecordOutput, agentHandle } from './event-builder';
import { FieldError, field, instant, minutes, plusMinutes, text, type TimeOptions } from './field-readers';
import { JoinWindow } from './join-window';

/**
 * Zendesk history as its APIs and export tools write it: tickets with their metrics inline (the JSON export, the
 * incremental export with metric sets side-loaded as `metric_set`, metrics at the top level, flat CSV columns),
 * or tickets, ticket metrics, satisfaction ratings and users as separate records — in one file (Airbyte or
 * Singer `{stream, data}` wrappers, a saved incremental page `{tickets, metric_sets}`) or several — joined by
 * ticket id. Per ticket:
 *   ticket_created  at created_at;
 *   ticket_assigned at initially_assigned_at (or assigned_at) to the assignee;
 *   agent_replied   (public) at created_at + reply_time_in_minutes, by the assignee — Zendesk's first reply
 *                   time, so Sidekick's FRT for the ticket equals Zendesk's;
 *   ticket_solved   at created_at + full_resolution_time_in_minutes (else solved_at), by the assignee;
 *   csat_rated      from satisfaction_rating good / bad (offered / unoffered carry no rating), or from a
 *                   satisfaction ratings record (same id, so a rating given both ways counts once).
 * Minutes given as { calendar, business } use calendar time, which is what Sidekick measures.
 * `reopens` is a bare count without times and is not imported (a reopen without a time cannot be placed in a week).
 * A metrics record names no agent, so it is never stored on its own: it waits for its ticket, and one whose
 * ticket never comes is rejected at the end. Users records with an agent or admin role name the agents.
 */
export interface ZendeskOptions {
  source: string;
  timezone: string;
  /** Hears each time without an offset read as UTC (no zone given). */
  onNaive?: TimeOptions['onNaive'];
  /** How many tickets (and metrics records) may wait for their other half; see JoinWindow. */
  joinWindow?: number;
}

/** The metric fields, at a ticket's top level, under its `metric_set`, or in a ticket metrics record. */
const METRIC_FIELDS = [
  'reply_time_in_minutes',
  'full_resolution_time_in_minutes',
  'solved_at',
  'initially_assigned_at',
  'assigned_at',
] as const;

type Kind = 'ticket' | 'metrics' | 'rating' | 'user' | 'metric_event';

const STREAMS: [RegExp, Kind][] = [
  [/metric_events/, 'metric_event'],
  [/metric/, 'metrics'],
  [/satisfaction|rating/, 'rating'],
  [/^(users?|agents)$/, 'user'],
  [/^tickets?$/, 'ticket'],
];
/** Page arrays or wrappers that say nothing about what is inside: the record's shape decides. */
const NEUTRAL_STREAMS = new Set(['results', 'records', 'data']);

function kindOf(fields: Record<string, unknown>): Kind | { unknownStream: string } {
  const stream = text(fields, '_stream')?.toLowerCase();
  if (stream !== undefined && !NEUTRAL_STREAMS.has(stream)) {
    const found = STREAMS.find(([pattern]) => pattern.test(stream));
    return found ? found[1] : { unknownStream: stream };
  }
  const has = (name: string) => text(fields, name) !== undefined;
  if (has('metric') && has('instance_id')) return 'metric_event';
  if (has('ticket_id') && has('score')) return 'rating';
  if (has('ticket_id') && !has('status')) return 'metrics';
  if (has('role') && !has('status')) return 'user';
  return 'ticket';
}

/** The metrics a ticket carries itself (top level first, then metric_set), or undefined when it carries none. */
function inlineMetrics(fields: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = typeof field(fields, 'metric_set') === 'object' && field(fields, 'metric_set') !== null;
  for (const name of METRIC_FIELDS) {
    const top = field(fields, name);
    const value = top !== undefined && top !== null && top !== '' ? top : field(fields, `metric_set.${name}`);
    if (value !== undefined && value !== null && value !== '') {
      out[name] = value;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** What a ticket's metrics need to know about it: the rest of its record is not kept while it waits. */
interface TicketFacts {
  id: string;
  createdAt: string;
  assignee: string | undefined;
  status: string | undefined;
  line: number;
  file: string | undefined;
}

interface WaitingMetrics {
  metrics: Record<string, unknown>;
  line: number;
  file: string | undefined;
}

export function createZendeskMapper(partial: Partial<ZendeskOptions> = {}): RecordMapper {
  const options: ZendeskOptions = { source: 'zendesk', timezone: 'UTC', ...partial };
  const time: TimeOptions = { timezone: options.timezone, onNaive: options.onNaive };
  const tickets = new JoinWindow<TicketFacts>(options.joinWindow);
  const metricsFor = new JoinWindow<WaitingMetrics>(options.joinWindow);
  const key = (id: string, what: string) => `ticket/${id}/${what}`;
  const base = (id: string) => ({ source: options.source, ticketId: id });

  const assigneeOf = (fields: Record<string, unknown>): string | undefined => {
    const assigneeId = text(fields, 'assignee_id');
    const assigneeEmail = text(fields, 'assignee_email');
    const assigneeName = text(fields, 'assignee');
    if (assigneeId && assigneeId !== '0') return agentHandle(options.source, assigneeId);
    if (assigneeEmail) return `email:${assigneeEmail}`;
    return assigneeName ? agentHandle(options.source, assigneeName) : undefined;
  };

  /** Assignment, first reply and solve: the events that need both the ticket and its metrics. */
  const metricEvents = (out: RecordOutput, t: TicketFacts, m: Record<string, unknown>) => {
    const replyMinutes = minutes(m, 'reply_time_in_minutes');
    const resolutionMinutes = minutes(m, 'full_resolution_time_in_minutes');
    const solvedAt = instant(m, 'solved_at', time);
    const assignedAt = instant(m, 'initially_assigned_at', time) ?? instant(m, 'assigned_at', time);
    if (t.assignee && assignedAt)
      out.add({
        ...base(t.id),
        type: 'ticket_assigned',
        externalId: key(t.id, 'assigned'),
        agent: t.assignee,
        at: assignedAt,
      });
    if (replyMinutes !== undefined) {
      if (t.assignee)
        out.add({
          ...base(t.id),
          type: 'agent_replied',
          externalId: key(t.id, 'first-reply'),
          agent: t.assignee,
          public: true,
          at: plusMinutes(t.createdAt, replyMinutes),
        });
      else
        out.reject(
          `ticket ${t.id} has a reply time but no assignee to credit it to; the reply is not imported`,
        );
    }
    const solveAt = resolutionMinutes !== undefined ? plusMinutes(t.createdAt, resolutionMinutes) : solvedAt;
    const isSolved = t.status === 'solved' || t.status === 'closed' || solvedAt !== undefined;
    if (isSolved) {
      if (!solveAt)
        out.reject(
          `ticket ${t.id} is ${t.status ?? 'solved'} but has neither full_resolution_time_in_minutes nor solved_at; the solve is not imported`,
        );
      else if (!t.assignee)
        out.reject(`ticket ${t.id} is solved but has no assignee to credit it to; the solve is not imported`);
      else
        out.add({
          ...base(t.id),
          type: 'ticket_solved',
          externalId: key(t.id, 'solved'),
          agent: t.assignee,
          at: solveAt,
        });
    }
    return solveAt;
  };

  /** A good / bad rating, from a ticket's satisfaction_rating or a satisfaction ratings record. */
  const ratingEvent = (
    out: RecordOutput,
    id: string,
    assignee: string | undefined,
    score: string | undefined,
    comment: string | undefined,
    ratedAt: string | undefined,
  ) => {
    if (score === 'good' || score === 'bad') {
      if (!assignee)
        out.reject(
          `ticket ${id} has a ${score} rating but no assignee to credit it to; the rating is not imported`,
        );
      else if (!ratedAt)
        out.reject(`ticket ${id} has a rating but no time to place it at; the rating is not imported`);
      else
        out.add({
          ...base(id),
          type: 'csat_rated',
          externalId: key(id, 'csat'),
          agent: assignee,
          satisfied: isZendeskSatisfied(score),
          originalScore: score,
          at: ratedAt,
          ...(comment ? { comment } : {}),
        });
    } else if (score !== undefined && score !== 'offered' && score !== 'unoffered') {
      out.reject(`ticket ${id}: satisfaction_rating "${score}" is not good, bad, offered or unoffered`);
    }
  };

  const ticket = ({ line, fields, file }: SourceRecord): MapOutput =>
    RecordOutput.of(line, (out) => {
      const id = text(fields, 'id');
      if (!id) throw new FieldError('id (the ticket id) is missing');
      const createdAt = instant(fields, 'created_at', time);
      if (!createdAt) throw new FieldError(`created_at of ticket ${id} is missing`);
      const facts: TicketFacts = {
        id,
        createdAt,
        assignee: assigneeOf(fields),
        status: text(fields, 'status')?.toLowerCase(),
        line,
        file,
      };
      const channel = text(fields, 'via.channel');
      out.add({
        ...base(id),
        type: 'ticket_created',
        externalId: key(id, 'created'),
        at: createdAt,
        ...(channel ? { channel } : {}),
      });
      // Metrics inline, or already read from a metrics record; otherwise the ticket waits for them.
      const waiting = metricsFor.take(id);
      const metrics = inlineMetrics(fields) ?? waiting?.metrics;
      let solveAt: string | undefined;
      if (metrics) solveAt = metricEvents(out, facts, metrics);
      else {
        const evicted = tickets.put(id, facts);
        if (evicted) out.rejections.push(...ticketWithoutMetrics(evicted.value, tickets.describe()));
      }
      const rating = field(fields, 'satisfaction_rating');
      const ratingPath =
        typeof rating === 'object' && rating !== null ? 'satisfaction_rating.score' : 'satisfaction_rating';
      ratingEvent(
        out,
        id,
        facts.assignee,
        text(fields, ratingPath)?.toLowerCase(),
        text(fields, 'satisfaction_rating.comment') ?? text(fields, 'satisfaction_comment'),
        instant(fields, 'satisfaction_rating.updated_at', time) ??
          instant(fields, 'satisfaction_rating.created_at', time) ??
          solveAt ??
          instant(fields, 'updated_at', time),
      );
    });

  const metricsRecord = ({ line, fields, file }: SourceRecord): MapOutput =>
    RecordOutput.of(line, (out) => {
      const ticketId = text(fields, 'ticket_id');
      if (!ticketId)
        throw new FieldError('this ticket metrics record has no ticket_id to join it to its ticket');
      const metrics = inlineMetrics(fields) ?? {};
      const t = tickets.take(ticketId);
      if (t) {
        metricEvents(out, t, metrics);
        return;
      }
      const evicted = metricsFor.put(ticketId, { metrics, line, file });
      if (evicted)
        out.rejections.push(metricsWithoutTicket(evicted.key, evicted.value, metricsFor.describe()));
    });

  const ratingRecord = ({ line, fields }: SourceRecord): MapOutput =>
    RecordOutput.of(line, (out) => {
      const ticketId = text(fields, 'ticket_id');
      if (!ticketId) throw new FieldError('this satisfaction rating has no ticket_id');
      const assignee = assigneeOf(fields) ?? tickets.peek(ticketId)?.assignee;
      ratingEvent(
        out,
        ticketId,
        assignee,
        text(fields, 'score')?.toLowerCase(),
        text(fields, 'comment'),
        instant(fields, 'updated_at', time) ?? instant(fields, 'created_at', time),
      );
    });

  const userRecord = ({ line, fields }: SourceRecord): MapOutput => {
    const out = RecordOutput.of(line, () => undefined);
    try {
      const id = text(fields, 'id');
      const role = text(fields, 'role')?.toLowerCase();
      if (!id || (role !== 'agent' && role !== 'admin')) return out;
      const email = text(fields, 'email')?.toLowerCase();
      const name = text(fields, 'name') || email || `${options.source}:${id}`;
      return {
        ...out,
        agents: [{ handles: [`${options.source}:${id}`, ...(email ? [`email:${email}`] : [])], name }],
      };
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      return { events: [], rejections: [{ line, reason: err.message }] };
    }
  };

  return {
    map: (record) => {
      const kind = kindOf(record.fields);
      if (typeof kind === 'object')
        return RecordOutput.of(record.line, () => {
          throw new FieldError(
            `stream "${kind.unknownStream}" is not one the zendesk mapping reads (tickets, ticket_metrics or metric_sets, satisfaction_ratings, users)`,
          );
        });
      switch (kind) {
        case 'ticket':
          return ticket(record);
        case 'metrics':
          return metricsRecord(record);
        case 'rating':
          return ratingRecord(record);
        case 'user':
          return userRecord(record);
        case 'metric_event':
          return RecordOutput.of(record.line, () => {
            throw new FieldError(
              'this is a ticket metric event; the import reads ticket metrics (one record per ticket) — ticket metric events are read by the Zendesk pull connection',
            );
          });
      }
    },
    finish: () => {
      const rejections = [
        ...[...tickets.drain()].flatMap(([, t]) => ticketWithoutMetrics(t, undefined)),
        ...[...metricsFor.drain()].map(([id, m]) =>
          metricsWithoutTicket(id, m, undefined, metricsFor.describe()),
        ),
      ];
      return { events: [], rejections };
    },
  };
}

/** A ticket whose metrics never came: only a solved one loses something (its solve cannot be dated). */
function ticketWithoutMetrics(t: TicketFacts, window: string | undefined) {
  if (t.status !== 'solved' && t.status !== 'closed') return [];
  const why = window
    ? `and no ticket metrics record for it came within ${window} of it`
    : 'and no ticket metrics record for it is in the import';
  return [
    {
      line: t.line,
      ...(t.file ? { file: t.file } : {}),
      reason: `ticket ${t.id} is ${t.status} but has neither full_resolution_time_in_minutes nor solved_at, ${why}; the solve is not imported`,
    },
  ];
}

function metricsWithoutTicket(
  ticketId: string,
  m: WaitingMetrics,
  evictedFrom: string | undefined,
  window?: string,
) {
  const why = evictedFrom
    ? `ticket ${ticketId} did not come within ${evictedFrom} of it`
    : `ticket ${ticketId} is not in the import (or not within ${window ?? 'the join window'} of it)`;
  return {
    line: m.line,
    ...(m.file ? { file: m.file } : {}),
    reason: `this is a ticket metrics record, not a ticket, and ${why}: a metrics record names no agent, so it is not stored on its own — import it with its ticket (in the same file or alongside it)`,
  };
}
