import type { FeedEntry } from '../../../shared/api/feed';
import type { FeedPublisher } from '../store/unit-of-work';

export type FeedListener = (entry: FeedEntry) => void;

/**
 * In-process fan-out of committed feed entries to live sockets. Entries are published only after their
 * transaction commits; listeners must tolerate gaps and reordering between transactions (the live socket
 * fills gaps from the store), because two commits may publish in either order.
 */
export class FeedBus implements FeedPublisher {
  private readonly listeners = new Map<string, Set<FeedListener>>();

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
    for (const entry of entries) {
      for (const listener of this.listeners.get(entry.personId) ?? []) {
        try {
          listener(entry);
        } catch {
          // One broken socket must not stop delivery to the others; the socket closes itself on error.
        }
      }
    }
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
