import { describe, expect, it } from 'vitest';
import { IngestEvent } from '../../../shared/api/ingest';
import { adaptFreshdesk, freshdeskSatisfied } from '../../../server/src/ingest/freshdesk-adapter';

const NOW = '2026-11-03T10:00:00.000Z';

describe('Freshdesk webhook adapter', () => {
  it('maps each event of the documented body template, wrapped or not', () => {
    const wrapped = {
      freshdesk_webhook: {
        event: 'ticket_solved',
        ticket_id: 314,
        agent_email: 'Ana@Example.com',
        at: 'Tue, 03 Nov 2026 09:30:00 +0000',
      },
    };
    const { events } = adaptFreshdesk(wrapped, NOW);
    expect(events[0]).toEqual({
      source: 'freshdesk',
      type: 'ticket_solved',
      ticketId: '314',
      agent: 'email:ana@example.com',
      at: '2026-11-03T09:30:00.000Z',
      externalId: 'ticket_solved:314:2026-11-03T09:30:00.000Z',
    });
    expect(IngestEvent.safeParse(events[0]).success).toBe(true);
    const reply = adaptFreshdesk(
      { event: 'agent_replied', ticket_id: '314', agent_id: 88, is_public: 'false' },
      NOW,
    ).events[0];
    expect(reply).toMatchObject({ type: 'agent_replied', agent: 'freshdesk:88', public: false, at: NOW });
    const csat = adaptFreshdesk(
      { event: 'csat_rated', ticket_id: 1, agent_email: 'a@b.c', rating: 103, comment: 'Great' },
      NOW,
    ).events[0];
    expect(csat).toMatchObject({ satisfied: true, originalScore: 103, comment: 'Great' });
    expect(IngestEvent.safeParse(csat).success).toBe(true);
  });

  it('refuses unknown events, a csat without rating, and a bad date', () => {
    expect(() => adaptFreshdesk({ event: 'boom', ticket_id: 1 }, NOW)).toThrow(/event/);
    expect(() => adaptFreshdesk({ event: 'csat_rated', ticket_id: 1 }, NOW)).toThrow(/rating/);
    expect(() => adaptFreshdesk({ event: 'ticket_solved', ticket_id: 1, at: 'soon' }, NOW)).toThrow(
      /not a date/,
    );
  });

  it('reads Freshdesk and common CSAT scales', () => {
    for (const yes of [103, 102, 101, '101', 5, 4, 'Extremely happy', 'Good'])
      expect(freshdeskSatisfied(yes)).toBe(true);
    for (const no of [100, -101, -103, 3, 1, 'Unhappy', 'Neutral', 'not good'])
      expect(freshdeskSatisfied(no)).toBe(false);
  });

  it('refuses ratings that are not finite numbers and times that are no date', () => {
    for (const rating of ['1e309', '-1e309', 'Infinity', ' 1e400 ', Number.POSITIVE_INFINITY])
      expect(() => freshdeskSatisfied(rating)).toThrow(/not a finite number/);
    for (const at of ['0', '1', '2026', 'March', '9999-01-01T00:00:00Z', '1999-12-31T23:59:59Z'])
      expect(() => adaptFreshdesk({ event: 'ticket_solved', ticket_id: 1, at }, NOW)).toThrow(/"at"/);
    expect(
      adaptFreshdesk({ event: 'ticket_solved', ticket_id: 1, at: '2026-11-03 09:30' }, NOW).events,
    ).toHaveLength(1);
  });
});
