import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IngestEvent } from '../../../shared/api/ingest';
import { adaptZendesk } from '../../../server/src/ingest/zendesk-adapter';
import {
  verifyZendeskSignature,
  zendeskSignature,
  sameSecret,
} from '../../../server/src/ingest/zendesk-signature';

const ev = (type: string, detail: Record<string, unknown>, event: Record<string, unknown> = {}) => ({
  type: `zen:event-type:ticket.${type}`,
  account_id: 12514403,
  id: `01J${type}`,
  time: '2026-11-03T09:15:00Z',
  zendesk_event_version: '2022-11-06',
  subject: 'zen:ticket:42',
  detail: { id: '42', status: 'OPEN', assignee_id: '7', ...detail },
  event,
});
const NOW = '2026-11-03T10:00:00.000Z';

describe('Zendesk webhook adapter', () => {
  it('maps the tracked ticket events to valid ingest events', () => {
    const cases = [
      [
        ev('created', { assignee_id: null, via: { channel: 'email' } }),
        { type: 'ticket_created', channel: 'email' },
      ],
      [
        ev('agent_assignment_changed', {}, { current: '7', previous: null }),
        { type: 'ticket_assigned', agent: 'zendesk:7' },
      ],
      [
        ev('status_changed', { status: 'SOLVED' }, { current: 'SOLVED', previous: 'OPEN' }),
        { type: 'ticket_solved', agent: 'zendesk:7' },
      ],
      [
        ev('status_changed', {}, { current: 'OPEN', previous: 'SOLVED' }),
        { type: 'ticket_reopened', agent: 'zendesk:7' },
      ],
      [
        ev(
          'comment_added',
          {},
          {
            comment: {
              id: '1',
              body: 'hi',
              is_public: false,
              author: { id: '9', is_staff: true, name: 'Bo' },
            },
          },
        ),
        { type: 'agent_replied', agent: 'zendesk:9', public: false },
      ],
    ] as const;
    for (const [payload, expected] of cases) {
      const { events, ignored } = adaptZendesk(payload, NOW);
      expect(ignored).toBeNull();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        ...expected,
        source: 'zendesk',
        externalId: payload.id,
        ticketId: '42',
        at: '2026-11-03T09:15:00Z',
      });
      expect(IngestEvent.safeParse(events[0]).success).toBe(true);
    }
  });

  it('ignores customer comments, unassignments and untracked events', () => {
    expect(
      adaptZendesk(
        ev(
          'comment_added',
          {},
          { comment: { id: '1', body: 'x', is_public: true, author: { id: '5', is_staff: false } } },
        ),
        NOW,
      ).events,
    ).toEqual([]);
    expect(
      adaptZendesk(ev('agent_assignment_changed', {}, { current: null, previous: '7' }), NOW).events,
    ).toEqual([]);
    expect(adaptZendesk(ev('priority_changed', {}, { current: 'HIGH' }), NOW)).toMatchObject({
      events: [],
      ignored: expect.stringContaining('priority_changed'),
    });
  });

  it('maps the CSAT trigger body: "Good" is satisfied, the original score and comment are kept', () => {
    const { events } = adaptZendesk(
      {
        type: 'sidekick:csat',
        ticket_id: 42,
        assignee_id: 7,
        score: "Good, I'm satisfied",
        comment: 'Lovely',
        rating_id: 5,
      },
      NOW,
    );
    expect(events[0]).toMatchObject({
      type: 'csat_rated',
      satisfied: true,
      originalScore: "Good, I'm satisfied",
      comment: 'Lovely',
      agent: 'zendesk:7',
      externalId: 'csat:5',
      at: NOW,
    });
    expect(
      adaptZendesk({ type: 'sidekick:csat', ticket_id: 42, assignee_id: 7, score: 'Bad' }, NOW).events[0],
    ).toMatchObject({ satisfied: false });
  });

  it('refuses what is not a Zendesk event', () => {
    expect(() => adaptZendesk({ hello: 'world' }, NOW)).toThrow(/not a Zendesk ticket event/);
  });
});

describe('Zendesk signature', () => {
  const secret = 'dGVzdC1zZWNyZXQ=';
  const body = '{"type":"zen:event-type:ticket.created"}';
  const now = Date.parse('2026-11-03T10:00:00Z');
  const ts = '2026-11-03T09:59:30Z';

  it('is base64(HMAC-SHA256(secret, timestamp + body))', () => {
    const expected = createHmac('sha256', secret)
      .update(ts + body)
      .digest('base64');
    expect(zendeskSignature(secret, ts, body)).toBe(expected);
    expect(verifyZendeskSignature(secret, ts, expected, body, now)).toBe(true);
  });

  it('rejects a tampered body, a wrong secret, a missing header and a stale timestamp', () => {
    const sig = zendeskSignature(secret, ts, body);
    expect(verifyZendeskSignature(secret, ts, sig, body.replace('created', 'solved'), now)).toBe(false);
    expect(verifyZendeskSignature('other', ts, sig, body, now)).toBe(false);
    expect(verifyZendeskSignature(secret, undefined, sig, body, now)).toBe(false);
    expect(verifyZendeskSignature(secret, ts, undefined, body, now)).toBe(false);
    expect(verifyZendeskSignature(secret, ts, sig, body, now + 2 * 3_600_000)).toBe(false);
  });

  it('compares shared secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'ab')).toBe(false);
    expect(sameSecret('abc', undefined)).toBe(false);
  });
});
