import type { WebSocket } from 'ws';
import { LIVE_END, LiveClientMessage, type FeedEntry, type LiveMessage } from '../../../shared/api/feed';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { feedHead, readFeed } from '../store/repos/feed-repo';
import { feedEntryText } from '../store/feed-entry-text';
import { REVOKED_MESSAGE, liveSessionsOf } from './live-registry';

const CATCH_UP_PAGE = 500;
/** A client this far behind is disconnected; it reconnects and catches up from its cursor instead. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
export const AUTH_TIMEOUT_MS = 10_000;

/**
 * One live connection. It subscribes to the person's committed entries *before* reading the catch-up from the
 * store, and delivers strictly in seq order: an entry at or below the last sent seq is dropped (no duplicate),
 * an entry past a gap triggers a read from the store (no gap). All sends run through one promise chain.
 */
export class LiveSession {
  private lastSent = 0;
  /** The client reads `entries` frames (it said so when it signed in). */
  private batch = false;
  private chain: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private unregister: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly socket: WebSocket,
  ) {}

  send(message: LiveMessage): void {
    this.sendText(JSON.stringify(message));
  }

  /** A LiveMessage's JSON text (entries frames are joined from each entry's text, see feedEntryText). */
  private sendText(text: string): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.fail(
        'too_slow',
        'The connection fell too far behind; reconnect to catch up from your cursor.',
        1013,
      );
      return;
    }
    this.socket.send(text);
  }

  fail(error: string, message: string, code = 1008): void {
    this.send({ kind: 'error', error, message });
    this.close();
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, error);
  }

  /** `tokenHash`: the hash of the token it signed in with, so revoking that token ends this session. */
  start(principal: Principal, after: number, tokenHash: string, batch = false): void {
    if (this.closed) return;
    this.lastSent = after;
    this.batch = batch;
    const registry = liveSessionsOf(this.ctx);
    this.unregister = registry.add({
      personId: principal.personId,
      tokenHash,
      end: (error, message, closeCode) => this.fail(error, message, closeCode),
    });
    this.unsubscribe = this.ctx.bus.subscribe(principal.personId, (entries) =>
      this.enqueue(() => this.deliver(principal.personId, entries)),
    );
    this.enqueue(async () => {
      // The token was checked before the session joined the registry: a revoke that committed in between was
      // announced to nobody here. Checked again now that any later revoke reaches this session.
      if (!(await registry.isActive(this.ctx, tokenHash, this.ctx.config.adminTokenHash)))
        return this.fail(LIVE_END.signedOut.error, REVOKED_MESSAGE, LIVE_END.signedOut.closeCode);
      const head = await feedHead(this.ctx.store.db, principal.personId);
      // A cursor past the head (the store was restored, or failed over to a replica behind it) would make every
      // new entry look like a replay and be dropped: the client must start over from a snapshot.
      if (after > head)
        return this.fail(
          LIVE_END.cursorAhead.error,
          `Your cursor ${after} is ahead of the server's feed, which ends at ${head}: load a fresh snapshot.`,
          LIVE_END.cursorAhead.closeCode,
        );
      this.send({ kind: 'hello', personId: principal.personId, cursor: head });
      await this.catchUp(principal.personId);
    });
    this.heartbeat = setInterval(
      () => this.send({ kind: 'heartbeat', at: new Date().toISOString() }),
      this.ctx.config.heartbeatMs,
    );
  }

  handlePing(): void {
    this.send({ kind: 'heartbeat', at: new Date().toISOString() });
  }

  close(): void {
    this.closed = true;
    this.unregister?.();
    this.unregister = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain
      .then(task)
      .catch(() => this.fail('internal', 'The live feed failed; reconnect to catch up.', 1011));
  }

  /** `entries`: one person's, in seq order. What was sent is dropped; a gap before or inside is read from the store. */
  private async deliver(personId: string, entries: readonly FeedEntry[]): Promise<void> {
    if (this.closed) return;
    const fresh = entries.filter((e) => e.seq > this.lastSent);
    if (fresh.length === 0) return;
    if (fresh.some((e, i) => e.seq !== this.lastSent + 1 + i)) return this.catchUp(personId);
    this.sendRun(fresh);
  }

  /** Consecutive entries after lastSent: one frame for a client that reads `entries`, else one frame each. */
  private sendRun(run: readonly FeedEntry[]): void {
    const last = run.at(-1);
    if (!last) return;
    // The frames' text joined from each entry's (a team kudos' shared fields were serialised once, not per member).
    if (this.batch && run.length > 1)
      this.sendText(`{"kind":"entries","entries":[${run.map(feedEntryText).join(',')}]}`);
    else for (const entry of run) this.sendText(`{"kind":"entry","entry":${feedEntryText(entry)}}`);
    this.lastSent = last.seq;
  }

  private async catchUp(personId: string): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const page = await readFeed(this.ctx.store.db, personId, this.lastSent, CATCH_UP_PAGE);
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
