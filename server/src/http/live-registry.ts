import type { AppContext } from '../core/context';
import type { LiveSessionEnd } from '../feed/session-end';
import { activeTokenHashesAmong } from '../store/repos/tokens-repo';
import { LIVE_END } from '../../../shared/api/feed';

/** What the registry needs of a live session: whose it is, by which token, and how to end it. */
export interface RegisteredSession {
  readonly personId: string;
  /** The hash of the token the socket signed in with (tokens are stored hashed; so is this). */
  readonly tokenHash: string;
  end(error: string, message: string, closeCode: number): void;
}

/** A re-check reads this many token hashes per query. */
const RECHECK_BATCH = 500;
/** A re-check after a reconnect that failed (the store did not answer) is retried after this, doubling. */
const RECHECK_RETRY_MS = 250;
const RECHECK_RETRY_MAX_MS = 10_000;

/**
 * The live sessions of this server process, so an admin change can end the sockets it invalidates: a revoked
 * token's sockets (signed out, 4001), and a person's sockets when their role or teams change (the client starts
 * over from a snapshot, 4002). The change is published on the feed bus (`endLiveSessions`), and every
 * instance's registry hears it, so the sockets end wherever they are held.
 */
export class LiveSessionRegistry {
  private readonly sessions = new Set<RegisteredSession>();
  private sweep: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  /**
   * `sweepEvery`: while any session is registered, `run` runs every `ms` (the periodic revoked-token sweep);
   * the timer is unref'd and runs only while there is a session to check.
   */
  constructor(private readonly sweepEvery: { ms: number; run: () => void } | null = null) {}

  /** The session itself is the entry (no wrapper or closure per socket); `remove` it when it ends. */
  add(session: RegisteredSession): void {
    this.sessions.add(session);
    this.startSweep();
  }

  remove(session: RegisteredSession): void {
    if (!this.sessions.delete(session)) return;
    if (this.sessions.size === 0) this.stopSweep();
  }

  /** Stops the sweep and any pending re-check retry (drain, shutdown); sessions added later are not swept. */
  stop(): void {
    this.stopped = true;
    this.stopSweep();
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  /** Whether this one token is still active (the bootstrap admin's `keep` hash always is). */
  async isActive(ctx: AppContext, tokenHash: string, keep: string | null): Promise<boolean> {
    if (tokenHash === keep) return true;
    return (await activeTokenHashesAmong(ctx.store.db, [tokenHash])).has(tokenHash);
  }

  /**
   * `signOutRevoked` until it succeeds: after a LISTEN reconnect the store may not answer yet, and a re-check
   * that failed would leave a revoke sent meanwhile unheard until the next sweep. Retried with backoff.
   */
  recheckUntilDone(ctx: AppContext, keep: string | null, onError: (error: unknown) => void): void {
    if (this.stopped || this.retry) return;
    const attempt = (delay: number): void => {
      this.signOutRevoked(ctx, keep).catch((error: unknown) => {
        onError(error);
        if (this.stopped) return;
        this.retry = setTimeout(() => {
          this.retry = null;
          attempt(Math.min(delay * 2, RECHECK_RETRY_MAX_MS));
        }, delay);
        this.retry.unref();
      });
    };
    attempt(RECHECK_RETRY_MS);
  }

  private startSweep(): void {
    if (this.sweep || this.stopped || !this.sweepEvery) return;
    this.sweep = setInterval(this.sweepEvery.run, this.sweepEvery.ms);
    this.sweep.unref();
  }

  private stopSweep(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
  }

  /** Ends every session of this process matching `who`; returns how many. */
  closeSessions(
    who: { personId: string } | { tokenHash: string },
    end: { error: string; message: string; closeCode: number },
  ): number {
    let n = 0;
    for (const session of [...this.sessions]) {
      const match =
        'personId' in who ? session.personId === who.personId : session.tokenHash === who.tokenHash;
      if (!match) continue;
      this.remove(session);
      session.end(end.error, end.message, end.closeCode);
      n += 1;
    }
    return n;
  }

  /**
   * Signs out every session whose token is no longer active: after the bus lost its connection, a revoke sent
   * meanwhile was never heard here. `keep`: a hash that is not in the store but is valid (the bootstrap admin).
   */
  async signOutRevoked(ctx: AppContext, keep: string | null): Promise<number> {
    const hashes = [...new Set([...this.sessions].map((s) => s.tokenHash))].filter((h) => h !== keep);
    let n = 0;
    for (let i = 0; i < hashes.length; i += RECHECK_BATCH) {
      const batch = hashes.slice(i, i + RECHECK_BATCH);
      const active = await activeTokenHashesAmong(ctx.store.db, batch);
      for (const tokenHash of batch)
        if (!active.has(tokenHash))
          n += this.closeSessions({ tokenHash }, { ...LIVE_END.signedOut, message: REVOKED_MESSAGE });
    }
    return n;
  }

  size(): number {
    return this.sessions.size;
  }
}

export const REVOKED_MESSAGE = 'This device was signed out: its token was revoked.';

const registries = new WeakMap<AppContext, LiveSessionRegistry>();

/**
 * The one registry of an app (keyed by its context, so the live route and the admin routes share it). It hears
 * the session ends of the app's feed bus: this instance's own and every other instance's.
 */
export function liveSessionsOf(ctx: AppContext): LiveSessionRegistry {
  let registry = registries.get(ctx);
  if (!registry) {
    const keep = ctx.config.adminTokenHash;
    const logged = (error: unknown) =>
      console.error(`sidekick: re-checking live sessions' tokens failed: ${String(error)}`);
    // The sweep catches what a notice would have: a revoke whose publish failed, or whose notice was lost.
    const created: LiveSessionRegistry = new LiveSessionRegistry({
      ms: ctx.config.revokeSweepMs,
      run: () => void created.signOutRevoked(ctx, keep).catch(logged),
    });
    registries.set(ctx, created);
    ctx.bus.onSessionEnd({
      end: (end) => created.closeSessions(end.who, { ...LIVE_END[end.reason], message: end.message }),
      recheck: () => created.recheckUntilDone(ctx, keep, logged),
    });
    ctx.lifecycle.onDrain(() => created.stop());
    registry = created;
  }
  return registry;
}

/**
 * Ends the matching live sessions on every instance (after the change that causes it committed). This
 * instance's end before it resolves; it rejects when the bus could not tell the other instances.
 */
export async function endLiveSessions(ctx: AppContext, end: LiveSessionEnd): Promise<void> {
  liveSessionsOf(ctx);
  await ctx.bus.endSessions(end);
}
