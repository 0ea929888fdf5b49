import type { AppContext } from '../core/context';

/** What the registry needs of a live session: whose it is, by which token, and how to end it. */
export interface RegisteredSession {
  personId: string;
  /** The hash of the token the socket signed in with (tokens are stored hashed; so is this). */
  tokenHash: string;
  end(error: string, message: string, closeCode: number): void;
}

/**
 * The live sessions of this server process, so an admin change can end the sockets it invalidates: a revoked
 * token's sockets (signed out), and a person's sockets when their role or teams change (the client starts over
 * from a snapshot). Sessions of other server processes are not here; a cross-instance close would travel over
 * the same channel as the feed entries.
 */
export class LiveSessionRegistry {
  private readonly sessions = new Set<RegisteredSession>();

  add(session: RegisteredSession): () => void {
    this.sessions.add(session);
    return () => this.sessions.delete(session);
  }

  /** Ends every session matching `who`; returns how many. */
  closeSessions(
    who: { personId: string } | { tokenHash: string },
    end: { error: string; message: string; closeCode: number },
  ): number {
    let n = 0;
    for (const session of [...this.sessions]) {
      const match =
        'personId' in who ? session.personId === who.personId : session.tokenHash === who.tokenHash;
      if (!match) continue;
      this.sessions.delete(session);
      session.end(end.error, end.message, end.closeCode);
      n += 1;
    }
    return n;
  }

  size(): number {
    return this.sessions.size;
  }
}

const registries = new WeakMap<AppContext, LiveSessionRegistry>();

/** The one registry of an app (keyed by its context, so the live route and the admin routes share it). */
export function liveSessionsOf(ctx: AppContext): LiveSessionRegistry {
  let registry = registries.get(ctx);
  if (!registry) {
    registry = new LiveSessionRegistry();
    registries.set(ctx, registry);
  }
  return registry;
}
