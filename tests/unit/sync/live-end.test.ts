import { describe, expect, it } from 'vitest';
import { LIVE_END, liveEndAction } from '../../../shared/api/feed';

/** The one reading of why the server ended a live socket, shared by the server (which sends) and shared/sync. */
describe('liveEndAction', () => {
  it('signs out on a revoked token, by error code or by close code alone', () => {
    expect(liveEndAction(LIVE_END.signedOut.error, null)).toBe('signed_out');
    expect(liveEndAction(null, LIVE_END.signedOut.closeCode)).toBe('signed_out');
  });

  it('resyncs on a role or team change and on a cursor ahead of the feed', () => {
    expect(liveEndAction(LIVE_END.resync.error, LIVE_END.resync.closeCode)).toBe('resync');
    expect(liveEndAction(LIVE_END.cursorAhead.error, null)).toBe('resync');
    expect(liveEndAction(null, LIVE_END.cursorAhead.closeCode)).toBe('resync');
  });

  it('just reconnects on anything else', () => {
    expect(liveEndAction('too_slow', 1013)).toBeNull();
    expect(liveEndAction('unauthorized', 1008)).toBeNull();
    expect(liveEndAction(null, 1006)).toBeNull();
  });
});
