/**
 * An order to end live sessions, heard by every instance: a revoked token's sockets are signed out, a person
 * whose role or teams changed starts over from a snapshot. The bus carries it like a feed notice, so a socket
 * held by any instance ends, not only one held by the instance that handled the admin request.
 */
export interface LiveSessionEnd {
  /** Whose sessions: every one of a person, or those signed in with one token (by its stored hash). */
  who: { personId: string } | { tokenHash: string };
  /** Which of the live protocol's ends (shared/api/feed.ts LIVE_END): the close code and error follow from it. */
  reason: 'signedOut' | 'resync';
  /** The sentence the client is sent before the close. */
  message: string;
}

/** Who ends sessions on an instance (the live-session registry). */
export interface SessionEndListener {
  end(end: LiveSessionEnd): void;
  /**
   * Session ends may have been missed (the bus lost its connection, and what was sent meanwhile is gone): check
   * each live session's token against the store, and sign out those that were revoked.
   */
  recheck(): void;
}

/** A message is a short sentence; a longer one is cut so the payload stays far below NOTIFY's 8,000 bytes. */
const MAX_MESSAGE_CHARS = 300;

type Wire = { i: string; x: { k: 'p' | 't'; v: string; r: LiveSessionEnd['reason']; m: string } };

export function encodeSessionEnd(from: string, end: LiveSessionEnd): string {
  const [k, v] =
    'personId' in end.who ? (['p', end.who.personId] as const) : (['t', end.who.tokenHash] as const);
  return JSON.stringify({
    i: from,
    x: { k, v, r: end.reason, m: end.message.slice(0, MAX_MESSAGE_CHARS) },
  } satisfies Wire);
}

/** A session end read back, or null for a payload that is not one (a feed notice, or anything malformed). */
export function decodeSessionEnd(payload: string): { from: string; end: LiveSessionEnd } | null {
  try {
    const wire = JSON.parse(payload) as Partial<Wire> | null;
    const x = wire?.x;
    if (typeof wire?.i !== 'string' || typeof x !== 'object' || x === null) return null;
    if ((x.k !== 'p' && x.k !== 't') || typeof x.v !== 'string' || x.v === '') return null;
    if ((x.r !== 'signedOut' && x.r !== 'resync') || typeof x.m !== 'string') return null;
    return {
      from: wire.i,
      end: {
        who: x.k === 'p' ? { personId: x.v } : { tokenHash: x.v },
        reason: x.r,
        message: x.m.slice(0, MAX_MESSAGE_CHARS),
      },
    };
  } catch {
    return null;
  }
}

/** The listeners of one instance: the live-session registry subscribes here. */
export class SessionEndListeners {
  private readonly listeners = new Set<SessionEndListener>();

  add(listener: SessionEndListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(end: LiveSessionEnd): void {
    this.each((l) => l.end(end));
  }

  recheck(): void {
    this.each((l) => l.recheck());
  }

  private each(call: (listener: SessionEndListener) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener);
      } catch {
        // One failing listener must not keep the others from ending their sessions.
      }
    }
  }
}
