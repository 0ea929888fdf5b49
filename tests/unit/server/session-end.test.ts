import { describe, expect, it } from 'vitest';
import { decodeNotice, encodeNotices } from '../../../server/src/feed/feed-notice';
import {
  decodeSessionEnd,
  encodeSessionEnd,
  SessionEndListeners,
  type LiveSessionEnd,
} from '../../../server/src/feed/session-end';

describe('session ends on the cross-instance bus', () => {
  it('read back to the same end, by token or by person', () => {
    const byToken: LiveSessionEnd = { who: { tokenHash: 'ab12' }, reason: 'signedOut', message: 'Revoked.' };
    const byPerson: LiveSessionEnd = { who: { personId: 'p1' }, reason: 'resync', message: 'New role.' };
    expect(decodeSessionEnd(encodeSessionEnd('inst-a', byToken))).toEqual({ from: 'inst-a', end: byToken });
    expect(decodeSessionEnd(encodeSessionEnd('inst-b', byPerson))).toEqual({ from: 'inst-b', end: byPerson });
  });

  it('share the channel with feed notices without being taken for one another', () => {
    const end = encodeSessionEnd('inst-a', { who: { personId: 'p1' }, reason: 'resync', message: 'x' });
    const [notice] = encodeNotices('inst-a', [
      { personId: 'p1', seq: 2, at: '2026-03-11T12:00:00.000Z', type: 'celebration', payload: {} },
    ] as never);
    expect(decodeNotice(end)).toBeNull();
    expect(decodeSessionEnd(notice!)).toBeNull();
  });

  it('refuse payloads that are not well formed, and keep a long message short', () => {
    for (const bad of [
      'not json',
      'null',
      '{"i":"a"}',
      '{"i":"a","x":{"k":"q","v":"p1","r":"resync","m":""}}',
      '{"i":"a","x":{"k":"p","v":"","r":"resync","m":""}}',
      '{"i":"a","x":{"k":"p","v":"p1","r":"reconnect","m":""}}',
      '{"i":"a","x":{"k":"t","v":"h","r":"signedOut","m":7}}',
    ])
      expect(decodeSessionEnd(bad), bad).toBeNull();
    const long = encodeSessionEnd('a', {
      who: { tokenHash: 'h' },
      reason: 'signedOut',
      message: 'x'.repeat(5000),
    });
    expect(Buffer.byteLength(long)).toBeLessThan(1_000);
  });

  it('reach every listener even when one throws', () => {
    const listeners = new SessionEndListeners();
    const heard: string[] = [];
    listeners.add({
      end: () => {
        throw new Error('broken');
      },
      recheck: () => undefined,
    });
    listeners.add({ end: (e) => heard.push(e.reason), recheck: () => heard.push('recheck') });
    listeners.deliver({ who: { personId: 'p' }, reason: 'resync', message: '' });
    listeners.recheck();
    expect(heard).toEqual(['resync', 'recheck']);
  });
});
