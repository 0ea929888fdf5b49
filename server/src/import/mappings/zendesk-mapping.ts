import { type RecordMapper } from '../import-types';
import { isZendeskSatisfied } from '../../ingest/zendesk-adapter';
import { RecordOutput, agentHandle } from './event-builder';
import { FieldError, field, instant, minutes, plusMinutes, text, type TimeOptions } from './field-readers';

/**
 * Zendesk ticket exports with metrics: the JSON export / incremental export with metric sets (one ticket per
 * JSON line, metrics at top level or under `metric_set`), or a CSV with the same column names. Per ticket:
 *   ticket_created  at created_at;
 *   ticket_assigned at initially_assigned_at (or assigned_at) to the assignee;
 *   agent_replied   (public) at created_at + reply_time_in_minutes, by the assignee — Zendesk's first reply
 *                   time, so Sidekick's FRT for the ticket equals Zendesk's;
 *   ticket_solved   at created_at + full_resolution_time_in_minutes (else solved_at), by the assignee;
 *   csat_rated      from satisfaction_rating good / bad (offered / unoffered carry no rating).
 * Minutes given as { calendar, business } use calendar time, which is what Sidekick measures.
 * `reopens` is a bare count without times and is not imported (a reopen without a time cannot be placed in a week).
 */
export interface ZendeskOptions {
  source: string;
  timezone: string;
}

const metric = (fields: Record<string, unknown>, name: string) => {
  const top = field(fields, name);
  return top !== undefined && top !== null && top !== '' ? name : `metric_set.${name}`;
};

export function createZendeskMapper(partial: Partial<ZendeskOptions> = {}): RecordMapper {
  const options: ZendeskOptions = { source: 'zendesk', timezone: 'UTC', ...partial };
  const time: TimeOptions = { timezone: options.timezone };
  return {
    map: ({ line, fields }) =>
      RecordOutput.of(line, (out) => {
        const stream = text(fields, '_stream');
        // A ticket metrics record has its own id and a ticket_id: stored as a ticket it would invent one.
        if (
          (stream !== undefined && /metric/i.test(stream)) ||
          (text(fields, 'ticket_id') && !text(fields, 'status'))
        )
          throw new FieldError(
            'this is a ticket metrics record, not a ticket: give the metrics with their ticket (as its metric_set, or at its top level)',
          );
        const id = text(fields, 'id');
        if (!id) throw new FieldError('id (the ticket id) is missing');
        const createdAt = instant(fields, 'created_at', time);
        if (!createdAt) throw new FieldError(`created_at of ticket ${id} is missing`);
        const assigneeId = text(fields, 'assignee_id');
        const assigneeEmail = text(fields, 'assignee_email');
        const assigneeName = text(fields, 'assignee');
        const assignee = assigneeId
          ? agentHandle(options.source, assigneeId)
          : assigneeEmail
            ? `email:${assigneeEmail}`
            : assigneeName
              ? agentHandle(options.source, assigneeName)
              : undefined;
        const status = text(fields, 'status')?.toLowerCase();
        const replyMinutes = minutes(fields, metric(fields, 'reply_time_in_minutes'));
        const resolutionMinutes = minutes(fields, metric(fields, 'full_resolution_time_in_minutes'));
        const solvedAt = instant(fields, metric(fields, 'solved_at'), time);
        const assignedAt =
          instant(fields, metric(fields, 'initially_assigned_at'), time) ??
          instant(fields, metric(fields, 'assigned_at'), time);
        const base = { source: options.source, ticketId: id };
        const key = (what: string) => `ticket/${id}/${what}`;
        const channel = text(fields, 'via.channel');

        out.add({
          ...base,
          type: 'ticket_created',
          externalId: key('created'),
          at: createdAt,
          ...(channel ? { channel } : {}),
        });
        if (assignee && assignedAt)
          out.add({
            ...base,
            type: 'ticket_assigned',
            externalId: key('assigned'),
            agent: assignee,
            at: assignedAt,
          });
        if (replyMinutes !== undefined) {
          if (assignee)
            out.add({
              ...base,
              type: 'agent_replied',
              externalId: key('first-reply'),
              agent: assignee,
              public: true,
              at: plusMinutes(createdAt, replyMinutes),
            });
          else
            out.reject(
              `ticket ${id} has a reply time but no assignee to credit it to; the reply is not imported`,
            );
        }
        const solveAt =
          resolutionMinutes !== undefined ? plusMinutes(createdAt, resolutionMinutes) : solvedAt;
        const isSolved = status === 'solved' || status === 'closed' || solvedAt !== undefined;
        if (isSolved) {
          if (!solveAt)
            out.reject(
              `ticket ${id} is ${status ?? 'solved'} but has neither full_resolution_time_in_minutes nor solved_at; the solve is not imported`,
            );
          else if (!assignee)
            out.reject(
              `ticket ${id} is solved but has no assignee to credit it to; the solve is not imported`,
            );
          else
            out.add({
              ...base,
              type: 'ticket_solved',
              externalId: key('solved'),
              agent: assignee,
              at: solveAt,
            });
        }

        const rating = field(fields, 'satisfaction_rating');
        const ratingPath =
          typeof rating === 'object' && rating !== null ? 'satisfaction_rating.score' : 'satisfaction_rating';
        const score = text(fields, ratingPath)?.toLowerCase();
        if (score === 'good' || score === 'bad') {
          const comment = text(fields, 'satisfaction_rating.comment') ?? text(fields, 'satisfaction_comment');
          const ratedAt =
            instant(fields, 'satisfaction_rating.updated_at', time) ??
            instant(fields, 'satisfaction_rating.created_at', time) ??
            solveAt ??
            instant(fields, 'updated_at', time);
          if (!assignee)
            out.reject(
              `ticket ${id} has a ${score} rating but no assignee to credit it to; the rating is not imported`,
            );
          else if (!ratedAt)
            out.reject(`ticket ${id} has a rating but no time to place it at; the rating is not imported`);
          else
            out.add({
              ...base,
              type: 'csat_rated',
              externalId: key('csat'),
              agent: assignee,
              satisfied: isZendeskSatisfied(score),
              originalScore: score,
              at: ratedAt,
              ...(comment ? { comment } : {}),
            });
        } else if (score !== undefined && score !== 'offered' && score !== 'unoffered') {
          out.reject(`ticket ${id}: satisfaction_rating "${score}" is not good, bad, offered or unoffered`);
        }
      }),
    finish: () => ({ events: [], rejections: [] }),
  };
}
