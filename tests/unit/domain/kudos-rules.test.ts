import { describe, expect, it } from 'vitest';
import {
  Kudos,
  customerKudosFrom,
  invisibleWork,
  kudosValueFromComment,
  lastRecognised,
  nobodyForgotten,
  kudosAllowance,
  kudosKindFor,
  peerKudosQuota,
  personKudos,
} from '../../../shared/domain';
import { assigned, qa, rated, replied, solved } from './fixtures';

const ana = { personId: 'ana', name: 'Ana' };

describe('peer kudos daily cap', () => {
  it('counts per calendar day in the sender’s zone', () => {
    // 23:30 UTC on the 5th is already the 6th in Warsaw; 22:30 UTC on the 5th is still the 5th.
    const sentAt = [
      '2026-03-05T22:30:00Z',
      '2026-03-05T23:30:00Z',
      '2026-03-06T08:00:00Z',
      '2026-03-06T09:00:00Z',
      '2026-03-06T10:00:00Z',
      '2026-03-06T11:00:00Z',
    ];
    const q = peerKudosQuota({ sentAt, now: '2026-03-06T12:00:00Z', timezone: 'Europe/Warsaw' });
    expect(q).toEqual({ sentToday: 5, dailyCap: 5, remaining: 0, resetsAt: '2026-03-06T23:00:00.000Z' });
    expect(peerKudosQuota({ sentAt, now: '2026-03-06T12:00:00Z', timezone: 'UTC' })).toMatchObject({
      sentToday: 4,
      remaining: 1,
    });
    expect(peerKudosQuota({ sentAt, now: '2026-03-06T12:00:00Z', timezone: 'UTC', cap: 3 })).toMatchObject({
      remaining: 0,
    });
  });
});

describe('customer kudos', () => {
  it('a satisfied rating with a comment becomes kudos quoting the customer', () => {
    const e = rated('812', 'ana', '2026-03-06T10:00:00Z', true, {
      comment: '  Ana explained every step, thank you!  ',
      customerName: 'Maria K.',
    });
    const k = customerKudosFrom(e, ana, { ticketUrl: 'https://help.example.com/tickets/812' })!;
    expect(Kudos.parse(k)).toEqual(k);
    expect(k).toMatchObject({
      kind: 'customer',
      fromPersonId: null,
      fromName: 'Maria K.',
      toPersonId: 'ana',
      value: 'Knowledge sharing',
      ticketId: '812',
      customerQuote: 'Ana explained every step, thank you!',
      at: e.at,
    });
    expect(customerKudosFrom(e, ana)!.id).toBe(k.id); // the same rating always maps to the same kudos
  });

  it('no kudos for an unhappy rating, an empty comment, or another event', () => {
    expect(
      customerKudosFrom(rated('1', 'ana', '2026-03-06T10:00:00Z', false, { comment: 'meh' }), ana),
    ).toBeNull();
    expect(
      customerKudosFrom(rated('1', 'ana', '2026-03-06T10:00:00Z', true, { comment: '   ' }), ana),
    ).toBeNull();
    expect(customerKudosFrom(rated('1', 'ana', '2026-03-06T10:00:00Z', true), ana)).toBeNull();
    expect(customerKudosFrom(solved('1', 'ana', '2026-03-06T10:00:00Z'), ana)).toBeNull();
    expect(
      customerKudosFrom(rated('1', 'ana', '2026-03-06T10:00:00Z', true, { comment: 'Thanks' }), ana)!
        .fromName,
    ).toBe('A customer');
  });

  it('picks the value from the comment with simple keyword rules, Empathy by default', () => {
    expect(kudosValueFromComment('I was really frustrated but she stayed calm')).toBe('Tough customer');
    expect(kudosValueFromComment('He followed up the next day without me asking')).toBe('Ownership');
    expect(kudosValueFromComment('Super quick answer!')).toBe('Speed');
    expect(kudosValueFromComment('Very thorough and professional')).toBe('Quality');
    expect(kudosValueFromComment('Clever workaround, thanks')).toBe('Creativity');
    expect(kudosValueFromComment('Thank you so much')).toBe('Empathy');
  });
});

describe('recognition', () => {
  const NOW = '2026-03-20T12:00:00Z';
  const kudos = [
    { toPersonId: 'ana', at: '2026-03-10T12:00:00Z' },
    { toPersonId: 'ben', at: '2026-03-01T12:00:00Z' },
    { toPersonId: 'ben', at: '2026-03-21T12:00:00Z' }, // in the future relative to now: ignored
  ];

  it('lastRecognised: not recognised in 14 days, or never', () => {
    expect(lastRecognised('ana', kudos, NOW)).toEqual({
      lastRecognisedAt: '2026-03-10T12:00:00Z',
      notRecognised: false,
      daysSince: 10,
    });
    expect(lastRecognised('ben', kudos, NOW)).toEqual({
      lastRecognisedAt: '2026-03-01T12:00:00Z',
      notRecognised: true,
      daysSince: 19,
    });
    expect(lastRecognised('cy', kudos, NOW)).toEqual({
      lastRecognisedAt: null,
      notRecognised: true,
      daysSince: null,
    });
  });

  it('lastRecognised: someone who joined less than 14 days ago is not "not recognised", however new', () => {
    expect(lastRecognised('cy', kudos, NOW, 14, '2026-03-20T11:59:00Z').notRecognised).toBe(false);
    expect(lastRecognised('cy', kudos, NOW, 14, '2026-03-07T12:00:01Z').notRecognised).toBe(false);
    expect(lastRecognised('cy', kudos, NOW, 14, '2026-03-06T12:00:00Z').notRecognised).toBe(true);
    expect(lastRecognised('ben', kudos, NOW, 14, '2026-01-01T00:00:00Z').notRecognised).toBe(true);
  });

  it('invisible work: tough tickets turned around, QA highlights, notes helping peers', () => {
    const events = [
      rated('t1', 'ben', '2026-03-12T10:00:00Z', false),
      rated('t1', 'ben', '2026-03-13T10:00:00Z', true),
      rated('t2', 'ben', '2026-03-13T10:00:00Z', true),
      rated('t5', 'ana', '2026-03-12T10:00:00Z', false), // unhappy with Ana …
      rated('t5', 'ben', '2026-03-16T10:00:00Z', true), // … Ben turned it around
      qa('t3', 'ben', '2026-03-14T10:00:00Z', 96),
      qa('t4', 'ben', '2026-03-14T10:00:00Z', 70),
      assigned('p1', 'ana', '2026-03-15T09:00:00Z'),
      assigned('p2', 'cy', '2026-03-15T09:00:00Z'),
      replied('p1', 'ben', '2026-03-15T10:00:00Z', false),
      replied('p1', 'ben', '2026-03-15T11:00:00Z', false),
      replied('p2', 'ben', '2026-03-15T12:00:00Z', false),
      assigned('own', 'ben', '2026-03-15T09:00:00Z'),
      replied('own', 'ben', '2026-03-15T12:00:00Z', false), // a note on his own ticket is not help to a peer
    ];
    const s = invisibleWork({ agentId: 'ben', events });
    expect(s.map((x) => [x.kind, x.ticketId, x.value])).toEqual([
      ['tough_ticket_turned_around', 't1', 'Tough customer'],
      ['tough_ticket_turned_around', 't5', 'Tough customer'],
      ['qa_highlight', 't3', 'Quality'],
      ['helped_peers', null, 'Teamwork'],
    ]);
    expect(s[3]!.reason).toBe('Left 3 internal notes helping teammates on 2 tickets');
    const forgotten = nobodyForgotten({
      people: [ana, { personId: 'ben', name: 'Ben' }],
      kudos,
      eventsByAgent: { ben: events },
      now: NOW,
    });
    expect(forgotten.map((p) => [p.personId, p.suggestions.length])).toEqual([['ben', 4]]);
  });
});

describe('personKudos', () => {
  it('records who, to whom, the value and the ticket, unread and not yet thanked', () => {
    const k = personKudos({
      id: 'k1',
      kind: 'peer',
      from: { id: 'p-ben', name: 'Ben' },
      to: { id: 'p-ana', name: 'Ana' },
      note: { value: 'Teamwork', message: 'Covered my queue', ticketId: '4711', ticketUrl: null },
      at: '2026-11-20T10:00:00Z',
    });
    expect(Kudos.parse(k)).toEqual(k);
    expect(k).toMatchObject({
      fromPersonId: 'p-ben',
      toPersonId: 'p-ana',
      value: 'Teamwork',
      ticketId: '4711',
      thankedAt: null,
      readAt: null,
      customerQuote: null,
    });
  });
});

describe('kudosAllowance', () => {
  it('an agent reads how many peer kudos are left today, against the cap', () => {
    expect(kudosAllowance({ role: 'agent', sentToday: 2, dailyCap: 5 })).toEqual({
      capped: true,
      remaining: 3,
      sentence: '3 of 5 kudos left to give today.',
    });
    expect(kudosAllowance({ role: 'agent', sentToday: 5, dailyCap: 5 }).sentence).toBe(
      'You have given all your kudos for today — thank you! More tomorrow.',
    );
  });

  it('supervisors and admins are uncapped, and are told so instead of "5 of 5 left"', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      const a = kudosAllowance({ role, sentToday: 0, dailyCap: 5 });
      expect(a).toMatchObject({ capped: false, remaining: null });
      expect(a.sentence).toContain('uncapped');
      expect(a.sentence).not.toMatch(/of 5/);
      expect(kudosKindFor(role)).toBe('supervisor');
    }
    expect(kudosKindFor('agent')).toBe('peer');
  });
});
