/** How many records may wait for their other half by default: ~0.7 KiB of RSS each (measured), ~140 MiB full. */
export const DEFAULT_JOIN_WINDOW = 200_000;

/**
 * Records waiting to be joined with another record of the same key (a ticket waiting for its metrics, metrics
 * waiting for their ticket). Bounded, so memory stays flat however large the files are: past `capacity` the
 * longest-waiting record is given up (and the caller rejects it, saying why). Exports that write each ticket
 * near its metrics (a side-loaded page, a wrapper file of several streams) join entirely within the window;
 * separate files join in full as long as the first holds no more than `capacity` tickets.
 */
export class JoinWindow<V> {
  private readonly waiting = new Map<string, V>();
  constructor(private readonly capacity: number = DEFAULT_JOIN_WINDOW) {}

  /** Parks `value` under `key` (replacing an older one, which moves to the back); returns what had to leave. */
  put(key: string, value: V): { key: string; value: V } | undefined {
    this.waiting.delete(key);
    this.waiting.set(key, value);
    if (this.waiting.size <= this.capacity) return undefined;
    const [oldestKey, oldest] = this.waiting.entries().next().value!;
    this.waiting.delete(oldestKey);
    return { key: oldestKey, value: oldest };
  }

  /** Removes and returns what waits under `key`. */
  take(key: string): V | undefined {
    const value = this.waiting.get(key);
    if (value !== undefined) this.waiting.delete(key);
    return value;
  }

  peek(key: string): V | undefined {
    return this.waiting.get(key);
  }

  /** Everything still waiting, oldest first, and empties the window. */
  *drain(): Generator<[string, V]> {
    const entries = [...this.waiting.entries()];
    this.waiting.clear();
    yield* entries;
  }

  describe(): string {
    return `${this.capacity.toLocaleString('en-US')} records`;
  }
}
