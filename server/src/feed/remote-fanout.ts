import type { Store } from '../store/database';
import { readFeedRanges, readHeadEntries } from '../store/repos/feed-repo';
import type { LocalFeedBus } from './feed-bus';
import { decodeNotice } from './feed-notice';

const RETRY_MS = 250;

/**
 * The receiving half of a cross-instance bus: notices from other instances are merged per person (a burst of
 * notices costs one read), the ranges of people with a socket here are read from the store in one round trip,
 * and the entries handed to the local fan-out. After the transport lost its connection, `resync` hands every
 * subscribed person's newest entry to their sessions, which compare it with their cursor and read what they
 * missed: a lost notification costs a read, never an entry.
 */
export class RemoteFanout {
  private readonly pending = new Map<string, { after: number; upTo: number }>();
  private resyncWanted = false;
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly local: LocalFeedBus,
    private readonly instanceId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  receive(payload: string): void {
    const notice = decodeNotice(payload);
    if (!notice || notice.from === this.instanceId) return;
    for (const r of notice.ranges) {
      if (!this.local.hasListeners(r.personId)) continue;
      const known = this.pending.get(r.personId);
      this.pending.set(
        r.personId,
        known ? { after: Math.min(known.after, r.after), upTo: Math.max(known.upTo, r.upTo) } : r,
      );
    }
    if (this.pending.size > 0) this.kick();
  }

  resync(): void {
    this.resyncWanted = true;
    this.kick();
  }

  /** Resolves when nothing is waiting to be read (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  close(): void {
    this.closed = true;
  }

  private kick(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      if (!this.closed && (this.pending.size > 0 || this.resyncWanted)) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed && (this.pending.size > 0 || this.resyncWanted)) {
      const ranges = [...this.pending].map(([personId, r]) => ({ personId, ...r }));
      this.pending.clear();
      const resync = this.resyncWanted;
      this.resyncWanted = false;
      try {
        if (ranges.length > 0) this.local.publish(await readFeedRanges(this.store.db, ranges));
        if (resync) this.local.publish(await readHeadEntries(this.store.db, this.local.subscribedPeople()));
      } catch (error) {
        // The store did not answer: what was not delivered is re-checked against the store once it does.
        this.onError(error);
        this.resyncWanted = true;
        await new Promise((r) => setTimeout(r, RETRY_MS).unref());
      }
    }
  }
}
