import { createHmac } from 'node:crypto';
import type { Api } from './test-server';

/** A Zendesk signing secret for test servers (config.zendeskSecret). */
export const ZENDESK_TEST_SECRET = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';

/**
 * Signs like Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). The timestamp is the sender's wall
 * clock (a replay window is real elapsed time), not the test server's injected clock.
 */
export function zendeskSigned(
  body: string,
  timestamp = new Date().toISOString(),
  secret = ZENDESK_TEST_SECRET,
) {
  return {
    'x-zendesk-webhook-signature': createHmac('sha256', secret)
      .update(timestamp + body)
      .digest('base64'),
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

let seq = 0;

/** One Zendesk ticket event webhook body (zendesk_event_version 2022-11-06). */
function ticketEvent(
  type: string,
  ticketId: string,
  time: string,
  detail: Record<string, unknown>,
  event: Record<string, unknown> = {},
) {
  return {
    type: `zen:event-type:ticket.${type}`,
    account_id: 12514403,
    id: `wh-${ticketId}-${type}-${++seq}`,
    time,
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${ticketId}`,
    detail: { id: ticketId, status: 'OPEN', ...detail },
    event,
  };
}

const plus = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/**
 * The webhooks Zendesk sends for one ticket an agent (Zendesk user id `agent`) works from `at`: created,
 * assigned, a public staff reply after `replyMinutes`, solved, and (when `rating` is given) the CSAT trigger.
 */
export function zendeskTicketDay(
  ticketId: string,
  agent: string,
  at: string,
  opts: { replyMinutes: number; solveMinutes: number; rating?: 'Good' | 'Bad'; ratingMinutes?: number },
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    ticketEvent('created', ticketId, at, { assignee_id: null, via: { channel: 'email' } }),
    ticketEvent(
      'agent_assignment_changed',
      ticketId,
      plus(at, 1),
      { assignee_id: agent },
      { current: agent, previous: null },
    ),
    ticketEvent(
      'comment_added',
      ticketId,
      plus(at, opts.replyMinutes),
      { assignee_id: agent },
      {
        comment: {
          id: `${ticketId}-c1`,
          body: 'On it!',
          is_public: true,
          author: { id: agent, is_staff: true, name: 'Agent' },
        },
      },
    ),
    ticketEvent(
      'status_changed',
      ticketId,
      plus(at, opts.solveMinutes),
      { assignee_id: agent, status: 'SOLVED' },
      { current: 'SOLVED', previous: 'OPEN' },
    ),
  ];
  if (opts.rating)
    out.push({
      type: 'sidekick:csat',
      ticket_id: ticketId,
      assignee_id: agent,
      score: opts.rating,
      rating_id: `r-${ticketId}`,
      at: plus(at, opts.ratingMinutes ?? opts.solveMinutes + 30),
    });
  return out;
}

/** Posts each webhook body to /api/ingest/zendesk, signed, one delivery each (as Zendesk does). */
export async function deliverZendesk(api: Api, bodies: readonly Record<string, unknown>[]): Promise<void> {
  for (const b of bodies) {
    const raw = JSON.stringify(b);
    const res = await api('POST', '/api/ingest/zendesk', { token: null, raw, headers: zendeskSigned(raw) });
    if (res.status !== 200) throw new Error(`webhook refused: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
