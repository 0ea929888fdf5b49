import type { FeedEntry } from '../../../shared/api/feed';
import type { FeedPublisher } from '../store/unit-of-work';
import { SessionEndListeners, type LiveSessionEnd, type SessionEndListener } from './session-end';

/** Entries of one person from one publish (one commit, or one read of notified ranges), in seq order. */
export type FeedListener = (entries: readonly FeedEntry[]) => void;

/** Which engine carries committed entries between server instances. */
export type FeedBusKind = 'in-process' | 'postgres' | 'redis';

/**
 * Committed feed entries fanned out to the live sockets of every server instance. Listeners get entries of one
 * person; they must tolerate gaps, repeats and reordering between transactions (a live session drops what it
 * already sent and fills a gap from the store), because two commits may arrive in either order, and a bus that
 * lost its connection re-announces each subscribed person's newest entry so every session re-checks its cursor.
 */
export interface FeedBus extends FeedPublisher {
  readonly kind: FeedBusKind;
  subscribe(personId: string, listener: FeedListener): () => void;
  listenerCount(): number;
  /**
   * Ends the matching live sessions on every instance, this one included (its listeners are called before this
   * resolves). Called after the change that causes it committed, so an instance that closes a socket refuses
   * the reconnect. Rejects when the other instances could not be told (this instance's sessions are ended).
   */
  endSessions(end: LiveSessionEnd): Promise<void>;
  /** Hears every session end, this instance's and the others' (the live-session registry). */
  onSessionEnd(listener: SessionEndListener): () => void;
  /** Connects to the engine (a served instance starts it; a CLI context that only writes need not). */
  start(): Promise<void>;
  /** Null when this instance hears the other instances, else why it does not (readiness, /readyz). */
  problem(): string | null;
  close(): Promise<void>;
}

/**
 * In-process fan-out: the whole bus of a single instance (SQLite), and the local half of a cross-instance bus.
 */
export class LocalFeedBus implements FeedBus {
  readonly kind = 'in-process' as const;
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private readonly ends = new SessionEndListeners();

  subscribe(personId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(personId);
    if (!set) {
      set = new Set();
      this.listeners.set(personId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(personId);
    };
  }

  publish(entries: readonly FeedEntry[]): void {
    // Per person, so a session sends one commit's entries together (a team kudos writes four per member).
    const byPerson = new Map<string, FeedEntry[]>();
    for (const entry of entries) {
      if (!this.listeners.has(entry.personId)) continue;
      const list = byPerson.get(entry.personId);
      if (list) list.push(entry);
      else byPerson.set(entry.personId, [entry]);
    }
    for (const [personId, list] of byPerson) {
      list.sort((a, b) => a.seq - b.seq);
      for (const listener of this.listeners.get(personId) ?? []) {
        try {
          listener(list);
        } catch {
          // One broken socket must not stop delivery to the others; the socket closes itself on error.
        }
      }
    }
  }

  async endSessions(end: LiveSessionEnd): Promise<void> {
    this.ends.deliver(end);
  }

  onSessionEnd(listener: SessionEndListener): () => void {
    return this.ends.add(listener);
  }

  /** After a cross-instance transport reconnected: session ends sent meanwhile may be lost. */
  recheckSessions(): void {
    this.ends.recheck();
  }

  /** Whether anyone on this instance listens to this person (a remote notice for nobody here is not read). */
  hasListeners(personId: string): boolean {
    return this.listeners.has(personId);
  }

  /** The people with a live session on this instance. */
  subscribedPeople(): string[] {
    return [...this.listeners.keys()];
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async start(): Promise<void> {}

  problem(): string | null {
    return null;
  }

  async close(): Promise<void> {}
}
