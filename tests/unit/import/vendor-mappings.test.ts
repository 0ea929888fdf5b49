import { describe, expect, it } from 'vitest';
import { createZendeskMapper } from '../../../server/src/import/mappings/zendesk-mapping';
import { createFreshdeskMapper } from '../../../server/src/import/mappings/freshdesk-mapping';
import { createGenericMapper } from '../../../server/src/import/mappings/generic-mapping';
import { type MapOutput } from '../../../server/src/import/import-types';

const brief = (out: MapOutput) =>
  out.events.map(
    ({ event }) => `${event.type} ${event.at}${'agent' in event && event.agent ? ` ${event.agent}` : ''}`,
  );

describe('Zendesk ticket export with metrics', () => {
  // Shaped like a ticket of the Zendesk JSON export with its metric set (field names from the Ticket Metrics API).
  const ticket = {
    id: 35436,
    created_at: '2026-03-02T08:00:00Z',
    updated_at: '2026-03-03T10:00:00Z',
    status: 'solved',
    assignee_id: 235323,
    via: { channel: 'email' },
    satisfaction_rating: {
      id: 1,
      score: 'good',
      comment: 'Thanks, Ana sorted it in minutes',
      updated_at: '2026-03-02T12:00:00Z',
    },
    metric_set: {
      initially_assigned_at: '2026-03-02T08:05:00Z',
      assigned_at: '2026-03-02T09:00:00Z',
      solved_at: '2026-03-02T11:30:00Z',
      reply_time_in_minutes: { calendar: 42, business: 30 },
      full_resolution_time_in_minutes: { calendar: 200, business: 120 },
      reopens: 0,
    },
  };

  it('derives created, assigned, first reply, solve and CSAT with Zendesk calendar minutes', () => {
    const out = createZendeskMapper().map({ line: 1, fields: ticket });
    expect(out.rejections).toEqual([]);
    expect(brief(out)).toEqual([
      'ticket_created 2026-03-02T08:00:00Z',
      'ticket_assigned 2026-03-02T08:05:00Z zendesk:235323',
      'agent_replied 2026-03-02T08:42:00Z zendesk:235323',
      'ticket_solved 2026-03-02T11:20:00Z zendesk:235323',
      'csat_rated 2026-03-02T12:00:00Z zendesk:235323',
    ]);
    const csat = out.events[4]?.event;
    expect(csat).toMatchObject({
      satisfied: true,
      originalScore: 'good',
      comment: 'Thanks, Ana sorted it in minutes',
      externalId: 'ticket/35436/csat',
    });
    expect(out.events[0]?.event).toMatchObject({ channel: 'email', ticketId: '35436', source: 'zendesk' });
  });

  it('reads flat CSV columns, a bad rating, and refuses to credit a solve to nobody', () => {
    const out = createZendeskMapper().map({
      line: 7,
      fields: {
        id: '9',
        created_at: '2026-03-02 08:00:00',
        status: 'closed',
        assignee_id: '',
        solved_at: '2026-03-02 09:00:00',
        reply_time_in_minutes: '15',
        satisfaction_rating: 'bad',
      },
    });
    expect(brief(out)).toEqual(['ticket_created 2026-03-02T08:00:00Z']);
    expect(out.rejections.map((r) => r.line)).toEqual([7, 7, 7]);
    expect(out.rejections.map((r) => r.reason).join('\n')).toMatch(
      /reply time but no assignee[\s\S]*solved but has no assignee[\s\S]*bad rating but no assignee/,
    );
  });

  it('never stores a ticket metrics record given alone as a ticket: it waits for its ticket and is rejected at the end', () => {
    const metrics = {
      id: 9001,
      ticket_id: 42,
      created_at: '2026-03-02T09:00:00Z',
      reply_time_in_minutes: { calendar: 5 },
    };
    for (const fields of [metrics, { ...metrics, status: 'solved', _stream: 'ticket_metrics' }]) {
      const mapper = createZendeskMapper();
      const out = mapper.map({ line: 7, fields });
      expect([out.events, out.rejections]).toEqual([[], []]);
      expect(mapper.finish()).toEqual({
        events: [],
        rejections: [
          {
            line: 7,
            reason: expect.stringMatching(
              /ticket metrics record, not a ticket, and ticket 42 is not in the import/,
            ),
          },
        ],
      });
    }
  });

  it('rejects the record when created_at is not a time', () => {
    const out = createZendeskMapper().map({ line: 3, fields: { id: 1, created_at: 'yesterday' } });
    expect(out).toEqual({
      events: [],
      rejections: [{ line: 3, reason: 'created_at "yesterday" is not a valid time (expected ISO-8601)' }],
    });
  });
});

describe('Freshdesk ticket export with stats', () => {
  const ticket = {
    id: 20,
    created_at: '2026-03-02T08:00:00Z',
    updated_at: '2026-03-04T08:00:00Z',
    status: 4,
    source: 3,
    responder_id: 6000130,
    stats: {
      first_responded_at: '2026-03-02T08:20:00Z',
      resolved_at: '2026-03-03T08:00:00Z',
      closed_at: null,
      reopened_at: '2026-03-02T20:00:00Z',
      agent_responded_at: '2026-03-03T07:00:00Z',
    },
  };
  it('derives created, first response, solve and reopen credited to the responder', () => {
    const out = createFreshdeskMapper().map({ line: 1, fields: ticket });
    expect(out.rejections).toEqual([]);
    expect(brief(out)).toEqual([
      'ticket_created 2026-03-02T08:00:00Z',
      'agent_replied 2026-03-02T08:20:00Z freshdesk:6000130',
      'ticket_solved 2026-03-03T08:00:00Z freshdesk:6000130',
      'ticket_reopened 2026-03-02T20:00:00Z freshdesk:6000130',
    ]);
    expect(out.events[0]?.event).toMatchObject({ channel: 'phone' });
  });
  it('falls back to closed_at and reports a resolution with no responder', () => {
    const out = createFreshdeskMapper().map({
      line: 4,
      fields: { ...ticket, responder_id: null, stats: { closed_at: '2026-03-05T00:00:00Z' } },
    });
    expect(brief(out)).toEqual(['ticket_created 2026-03-02T08:00:00Z']);
    expect(out.rejections).toEqual([
      {
        line: 4,
        reason:
          'ticket 20 has a resolution but no responder_id to credit it to; the resolution is not imported',
      },
    ]);
  });
});

describe('generic mapping (one event per record)', () => {
  it('reads HelpdeskEvent-named columns, handles and bare agent ids', () => {
    const mapper = createGenericMapper({ source: 'legacy' });
    const solved = mapper.map({
      line: 2,
      fields: {
        type: 'ticket_solved',
        externalId: 's-1',
        ticketId: 'T1',
        at: '2026-03-02T10:00:00+01:00',
        agent: 'email:ana@example.com',
      },
    });
    const rated = mapper.map({
      line: 3,
      fields: {
        type: 'csat_rated',
        externalId: 'c-1',
        ticketId: 'T1',
        at: '2026-03-02T11:00:00Z',
        agent: '42',
        satisfied: 'yes',
        score: '5',
      },
    });
    expect(brief(solved)).toEqual(['ticket_solved 2026-03-02T09:00:00Z email:ana@example.com']);
    expect(rated.events[0]?.event).toMatchObject({ agent: 'legacy:42', satisfied: true, originalScore: '5' });
  });

  it('renames columns, fixes constants, parses a custom time format in a zone, and derives a stable id when none is given', () => {
    const mapper = createGenericMapper({
      source: 'legacy',
      timezone: 'Europe/Warsaw',
      timeFormat: 'dd/MM/yyyy HH:mm',
      columns: { ticketId: 'Ticket', at: 'Closed', agent: 'Owner' },
      constants: { type: 'ticket_solved' },
    });
    const row = { Ticket: 'T-9', Closed: '08/03/2026 09:30', Owner: 'Ana' };
    const a = mapper.map({ line: 2, fields: row });
    const b = mapper.map({ line: 2, fields: { ...row } });
    expect(brief(a)).toEqual(['ticket_solved 2026-03-08T08:30:00Z legacy:Ana']);
    expect(a.events[0]?.event.externalId).toMatch(/^row-[0-9a-f]{32}$/);
    expect(b.events[0]?.event.externalId).toBe(a.events[0]?.event.externalId);
  });

  it('rejects an unknown type, a missing agent and an out-of-range QA score with the line', () => {
    const mapper = createGenericMapper();
    const out = [
      mapper.map({
        line: 2,
        fields: { type: 'ticket_teleported', ticketId: 'T', at: '2026-03-02T10:00:00Z' },
      }),
      mapper.map({ line: 3, fields: { type: 'ticket_solved', ticketId: 'T', at: '2026-03-02T10:00:00Z' } }),
      mapper.map({
        line: 4,
        fields: { type: 'qa_scored', ticketId: 'T', at: '2026-03-02T10:00:00Z', agent: 'x:1', score: 140 },
      }),
    ].flatMap((o) => o.rejections);
    expect(out.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(out[0]?.reason).toMatch(/"ticket_teleported" is not an event type/);
    expect(out[1]?.reason).toMatch(/ticket_solved is invalid: agent/);
    expect(out[2]?.reason).toMatch(/qa_scored is invalid: score/);
  });
});
