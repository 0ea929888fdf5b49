import type { RawData, WebSocket } from 'ws';
import {
  LIVE_END,
  LIVE_RECONNECT_CLOSE_CODE,
  LIVE_RECONNECT_ERROR,
  LiveClientMessage,
  type FeedEntry,
  type LiveMessage,
} from '../../../shared/api/feed';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { feedHead, readFeed } from '../store/repos/feed-repo';
import { authenticateToken, type AuthFailureLimiter } from './authenticate';
import { HttpError } from './http-errors';
import { REVOKED_MESSAGE, liveSessionsOf, type RegisteredSession } from './live-registry';
import { HeartbeatWheel, type HeartbeatMember } from './heartbeat-wheel';
import { feedEntryText } from '../store/feed-entry-text';

const CATCH_UP_PAGE = 500;
/** A client this far behind is disconnected; it reconnects and catches up from its cursor instead. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const AUTH_TIMEOUT_MS = 10_000;

/** What a socket that has not signed in yet needs: where it connects from (failures count per address), its deadline. */
interface Handshake {
  ip: string;
  limiter: AuthFailureLimiter;
  deadline: NodeJS.Timeout;
}

/**
 * One live connection. It subscribes to the person's committed entries *before* reading the catch-up from the
 * store, and delivers strictly in seq order: an entry at or below the last sent seq is dropped (no duplicate),
 * an entry past a gap triggers a read from the store (no gap). All sends run through one promise chain.
 *
 * Ten thousand of these sit idle on a server, so a session keeps little: no timer of its own (heartbeats come
 * from the process's one wheel), no closures per socket event (the socket's listeners are shared functions that
 * find their session), the person's id and token hash rather than the principal, and the session itself is its
 * registry entry.
 */
export class LiveSession implements RegisteredSession, HeartbeatMember {
  personId = '';
  tokenHash = '';
  private lastSent = 0;
  /** The client reads `entries` frames (it said so when it signed in). */
  private batch = false;
  private started = false;
  private closed = false;
  /** The tail of the send chain while a task runs; null when idle (no settled promise kept per socket). */
  private chain: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private handshake: Handshake | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly socket: WebSocket,
  ) {
    hubOf(ctx).sessions.add(this);
  }

  /**
   * Serves the socket: its messages, its close, the sign-in deadline. Browsers sign in with an `auth` message;
   * `bearer` is the token and cursor of a Node client that authenticated the upgrade itself.
   */
  listen(opts: {
    ip: string;
    limiter: AuthFailureLimiter;
    bearer: { token: string; after: number } | null;
  }): void {
    this.ctx.metrics.liveSockets.inc();
    sessionOfSocket.set(this.socket, this);
    this.socket.on('message', onSocketMessage);
    this.socket.on('close', onSocketClose);
    this.socket.on('error', onSocketError);
    if (this.ctx.lifecycle.isDraining()) return this.drain();
    this.handshake = {
      ip: opts.ip,
      limiter: opts.limiter,
      deadline: setTimeout(onSignInDeadline, AUTH_TIMEOUT_MS, this),
    };
    if (opts.bearer) this.signIn(opts.bearer.token, opts.bearer.after, false);
  }

  send(message: LiveMessage): void {
    this.sendFrame(JSON.stringify(message));
  }

  /** The wheel's heartbeat (one frame text for every session of a tick). */
  beat(frame: string): void {
    this.sendFrame(frame);
  }

  fail(error: string, message: string, code = 1008): void {
    this.send({ kind: 'error', error, message });
    this.close();
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, error);
  }

  /** The registry ends the session (its token was revoked, the person's role or teams changed). */
  end(error: string, message: string, closeCode: number): void {
    this.fail(error, message, closeCode);
  }

  /** Draining (SIGTERM): close with the "reconnect" code, so the client reconnects at once to another instance. */
  drain(): void {
    this.fail(
      LIVE_RECONNECT_ERROR,
      'This server instance is shutting down; reconnect now.',
      LIVE_RECONNECT_CLOSE_CODE,
    );
  }

  /** `tokenHash`: the hash of the token it signed in with, so revoking that token ends this session. */
  start(principal: Principal, after: number, tokenHash: string, batch = false): void {
    if (this.closed) return;
    this.started = true;
    this.endHandshake();
    this.personId = principal.personId;
    this.tokenHash = tokenHash;
    this.lastSent = after;
    this.batch = batch;
    const registry = liveSessionsOf(this.ctx);
    registry.add(this);
    this.unsubscribe = this.ctx.bus.subscribe(this.personId, (entries) => this.hear(entries));
    this.enqueue(async () => {
      // The token was checked before the session joined the registry: a revoke that committed in between was
      // announced to nobody here. Checked again now that any later revoke reaches this session.
      if (!(await registry.isActive(this.ctx, tokenHash, this.ctx.config.adminTokenHash)))
        return this.fail(LIVE_END.signedOut.error, REVOKED_MESSAGE, LIVE_END.signedOut.closeCode);
      const head = await feedHead(this.ctx.store.db, this.personId);
      // A cursor past the head (the store was restored, or failed over to a replica behind it) would make every
      // new entry look like a replay and be dropped: the client must start over from a snapshot.
      if (after > head)
        return this.fail(
          LIVE_END.cursorAhead.error,
          `Your cursor ${after} is ahead of the server's feed, which ends at ${head}: load a fresh snapshot.`,
          LIVE_END.cursorAhead.closeCode,
        );
      if (this.closed) return;
      this.send({ kind: 'hello', personId: this.personId, cursor: head });
      // Heartbeats follow the hello: the first one heartbeatMs after it, then one every heartbeatMs.
      hubOf(this.ctx).wheel.join(this);
      await this.catchUp();
    });
  }

  handlePing(): void {
    this.send({ kind: 'heartbeat', at: new Date().toISOString() });
  }

  close(): void {
    this.closed = true;
    this.endHandshake();
    liveSessionsOf(this.ctx).remove(this);
    this.unsubscribe?.();
    this.unsubscribe = null;
    const hub = hubOf(this.ctx);
    hub.wheel.leave(this);
    hub.sessions.delete(this);
  }

  /** A message from the client: sign-in (once), or a ping. */
  receive(raw: string): void {
    const message = parseClientMessage(raw);
    if (!message)
      return this.fail('invalid_message', 'Messages must be {"kind":"auth",…} or {"kind":"ping"}.');
    if (message.kind === 'ping') return this.started ? this.handlePing() : undefined;
    // A repeated auth must name the same person; the session already streams from its cursor.
    if (this.started) return;
    this.signIn(message.token, message.after, message.batch === true);
  }

  /** The socket closed (either side). */
  socketClosed(): void {
    this.close();
    this.ctx.metrics.liveSockets.dec();
  }

  signInTimedOut(): void {
    if (!this.started) this.fail('auth_timeout', 'Send {"kind":"auth","token":…,"after":…} first.');
  }

  private signIn(token: string, after: number, batch: boolean): void {
    const handshake = this.handshake;
    if (!handshake) return;
    authenticateToken(this.ctx, handshake.limiter, handshake.ip, token)
      .then((p) => {
        if (this.started && this.personId !== p.personId)
          throw new HttpError(401, 'unauthorized', 'Token mismatch.');
        if (this.started) return;
        if (p.tokenKind !== 'person')
          return this.fail('forbidden', 'Only a person’s own token opens their live feed.');
        this.start(p, after, hashToken(token), batch);
      })
      .catch((e: unknown) =>
        this.fail('unauthorized', e instanceof HttpError ? e.message : 'Not signed in.'),
      );
  }

  private endHandshake(): void {
    if (this.handshake) clearTimeout(this.handshake.deadline);
    this.handshake = null;
  }

  private sendFrame(frame: string): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.fail(
        'too_slow',
        'The connection fell too far behind; reconnect to catch up from your cursor.',
        1013,
      );
      return;
    }
    this.socket.send(frame);
  }

  private hear(entries: readonly FeedEntry[]): void {
    this.enqueue(() => this.deliver(entries));
  }

  private enqueue(task: () => Promise<void>): void {
    const next: Promise<void> = (this.chain ?? Promise.resolve())
      .then(task)
      .catch(() => this.fail('internal', 'The live feed failed; reconnect to catch up.', 1011))
      .then(() => {
        if (this.chain === next) this.chain = null;
      });
    this.chain = next;
  }

  /** `entries`: the person's, in seq order. What was sent is dropped; a gap before or inside is read from the store. */
  private async deliver(entries: readonly FeedEntry[]): Promise<void> {
    if (this.closed) return;
    const fresh = entries.filter((e) => e.seq > this.lastSent);
    if (fresh.length === 0) return;
    if (fresh.some((e, i) => e.seq !== this.lastSent + 1 + i)) return this.catchUp();
    this.sendRun(fresh);
  }

  /** Consecutive entries after lastSent: one frame for a client that reads `entries`, else one frame each. */
  private sendRun(run: readonly FeedEntry[]): void {
    const last = run.at(-1);
    if (!last) return;
    // The frames' text joined from each entry's (a team kudos' shared fields were serialised once, not per member).
    if (this.batch && run.length > 1)
      this.sendFrame(`{"kind":"entries","entries":[${run.map(feedEntryText).join(',')}]}`);
    else for (const entry of run) this.sendFrame(`{"kind":"entry","entry":${feedEntryText(entry)}}`);
    this.lastSent = last.seq;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const page = await readFeed(this.ctx.store.db, this.personId, this.lastSent, CATCH_UP_PAGE);
      this.sendRun(page);
      if (page.length < CATCH_UP_PAGE) return;
    }
  }
}

export function parseClientMessage(raw: string): LiveClientMessage | null {
  try {
    const parsed = LiveClientMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The live sessions of one app: what draining closes, and the one heartbeat wheel they beat on. */
interface LiveHub {
  sessions: Set<LiveSession>;
  wheel: HeartbeatWheel;
}

const hubs = new WeakMap<AppContext, LiveHub>();

function hubOf(ctx: AppContext): LiveHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    const created: LiveHub = { sessions: new Set(), wheel: new HeartbeatWheel(ctx.config.heartbeatMs) };
    hubs.set(ctx, created);
    hub = created;
    ctx.lifecycle.onDrain(() => {
      for (const session of [...created.sessions]) session.drain();
    });
  }
  return hub;
}

// The socket's listeners are these three functions for every socket (ws calls them with the socket as `this`),
// not three closures per socket; each finds its session here.
const sessionOfSocket = new WeakMap<WebSocket, LiveSession>();

function onSocketMessage(this: WebSocket, data: RawData): void {
  sessionOfSocket.get(this)?.receive(data.toString());
}

function onSocketClose(this: WebSocket): void {
  sessionOfSocket.get(this)?.socketClosed();
}

function onSocketError(this: WebSocket): void {
  sessionOfSocket.get(this)?.close();
  this.terminate();
}

function onSignInDeadline(session: LiveSession): void {
  session.signInTimedOut();
}
