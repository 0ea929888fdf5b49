import { type RecordMapper } from '../import-types';
import { RecordOutput, agentHandle } from './event-builder';
import { FieldError, instant, text, type TimeOptions } from './field-readers';

/**
 * Freshdesk ticket exports with `stats` (GET /api/v2/tickets?include=stats, one ticket per JSON line, or a CSV
 * with `stats.first_responded_at`-style columns). Per ticket, credited to `responder_id` (the assigned agent):
 *   ticket_created  at created_at;
 *   agent_replied   (public) at stats.first_responded_at;
 *   ticket_solved   at stats.resolved_at (else stats.closed_at);
 *   ticket_reopened at stats.reopened_at, counted against the responder.
 * Freshdesk keeps satisfaction surveys outside the ticket, so exports carry no CSAT.
 */
export interface FreshdeskOptions {
  source: string;
  timezone: string;
  /** Hears each time without an offset read as UTC (no zone given). */
  onNaive?: TimeOptions['onNaive'];
}

/** Freshdesk's numeric `source` values (API v2). */
const CHANNELS: Record<string, string> = {
  '1': 'email',
  '2': 'portal',
  '3': 'phone',
  '7': 'chat',
  '9': 'feedback_widget',
  '10': 'outbound_email',
};

export function createFreshdeskMapper(partial: Partial<FreshdeskOptions> = {}): RecordMapper {
  const options: FreshdeskOptions = { source: 'freshdesk', timezone: 'UTC', ...partial };
  const time: TimeOptions = { timezone: options.timezone, onNaive: options.onNaive };
  return {
    map: ({ line, fields }) =>
      RecordOutput.of(line, (out) => {
        const id = text(fields, 'id');
        if (!id) throw new FieldError('id (the ticket id) is missing');
        const createdAt = instant(fields, 'created_at', time);
        if (!createdAt) throw new FieldError(`created_at of ticket ${id} is missing`);
        const responder = text(fields, 'responder_id');
        const agent = responder === undefined ? undefined : agentHandle(options.source, responder);
        const firstResponse = instant(fields, 'stats.first_responded_at', time);
        const solvedAt =
          instant(fields, 'stats.resolved_at', time) ?? instant(fields, 'stats.closed_at', time);
        const reopenedAt = instant(fields, 'stats.reopened_at', time);
        const sourceCode = text(fields, 'source');
        const channel = sourceCode === undefined ? undefined : (CHANNELS[sourceCode] ?? sourceCode);
        const base = { source: options.source, ticketId: id };
        const key = (what: string) => `ticket/${id}/${what}`;

        out.add({
          ...base,
          type: 'ticket_created',
          externalId: key('created'),
          at: createdAt,
          ...(channel ? { channel } : {}),
        });
        const credit = (what: string, build: (handle: string) => Record<string, unknown>) => {
          if (agent) out.add(build(agent));
          else
            out.reject(
              `ticket ${id} has a ${what} but no responder_id to credit it to; the ${what} is not imported`,
            );
        };
        if (firstResponse)
          credit('first response', (handle) => ({
            ...base,
            type: 'agent_replied',
            externalId: key('first-response'),
            agent: handle,
            public: true,
            at: firstResponse,
          }));
        if (solvedAt)
          credit('resolution', (handle) => ({
            ...base,
            type: 'ticket_solved',
            externalId: key('solved'),
            agent: handle,
            at: solvedAt,
          }));
        if (reopenedAt)
          out.add({
            ...base,
            type: 'ticket_reopened',
            externalId: key(`reopened/${reopenedAt}`),
            at: reopenedAt,
            ...(agent ? { agent } : {}),
          });
      }),
    finish: () => ({ events: [], rejections: [] }),
  };
}
