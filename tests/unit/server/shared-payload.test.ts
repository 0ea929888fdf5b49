import { describe, expect, it } from 'vitest';
import { sharePayloads } from '../../../server/src/store/shared-payload';
import { joinPayloadText } from '../../../server/src/store/repos/feed-repo';

const kudos = (id: string, to: string, toName: string) => ({
  id,
  kind: 'supervisor' as const,
  fromPersonId: 'sam',
  fromName: 'Sam Supervisor',
  toPersonId: to,
  toName,
  message: 'Great week, everyone',
  value: 'Teamwork',
  ticketId: null,
  ticketUrl: null,
  customerQuote: null,
  at: '2026-03-04T10:00:00.000Z',
  thankedAt: null,
  readAt: null,
});

describe('sharePayloads: the fields a team message’s entries share, stored once', () => {
  const payloads = [kudos('k1', 'ana', 'Ana Agent'), kudos('k2', 'ben', 'Ben Agent')];

  it('keeps each entry’s own fields in its row and the rest once; joined, every payload is whole', () => {
    const shared = sharePayloads('kudos.upserted', payloads);
    if (!shared) throw new Error('kudos payloads are shareable');
    expect(Object.keys(JSON.parse(shared.own[0] as string))).toEqual(['id', 'toPersonId', 'toName']);
    expect(JSON.parse(shared.body)).not.toHaveProperty('id');
    payloads.forEach((p, i) => {
      expect(JSON.parse(joinPayloadText(shared.own[i] as string, shared.body))).toEqual(p);
      expect(shared.payloads[i]).toEqual(p);
    });
  });

  it('refuses a payload that does not match its schema, in its own fields or the shared ones', () => {
    expect(() =>
      sharePayloads('kudos.upserted', [...payloads, { ...kudos('k3', 'cy', 'Cy'), toName: 7 }]),
    ).toThrow();
    const noMessage = payloads.map((p) => ({ ...p, message: 'x'.repeat(1001) }));
    expect(() => sharePayloads('kudos.upserted', noMessage)).toThrow();
  });

  it('shares nothing for one payload, or a type whose payload is not a plain object', () => {
    expect(sharePayloads('kudos.upserted', payloads.slice(0, 1))).toBeNull();
    expect(sharePayloads('team.updated', [null, null])).toBeNull();
  });

  it('joins texts when either side has no field', () => {
    expect(joinPayloadText('{"a":1}', null)).toBe('{"a":1}');
    expect(joinPayloadText('{}', '{"b":2}')).toBe('{"b":2}');
    expect(joinPayloadText('{"a":1}', '{}')).toBe('{"a":1}');
    expect(JSON.parse(joinPayloadText('{"a":1}', '{"b":[2]}'))).toEqual({ a: 1, b: [2] });
  });
});
