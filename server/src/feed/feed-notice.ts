import type { FeedEntry } from '../../../shared/api/feed';
import type { FeedRange } from '../store/repos/feed-repo';

/**
 * What one instance tells the others after a commit: "these people have new entries, seqs after A up to N".
 * Only seqs travel, never the entries themselves (a payload stays small, and the store stays the one source
 * of what was written); an instance with a socket for one of these people reads the range from the store.
 */
export interface FeedNotice {
  /** The instance that wrote; it delivered to its own sockets already and ignores its own notice. */
  from: string;
  ranges: FeedRange[];
}

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; notices stay well below. */
export const MAX_NOTICE_BYTES = 7_000;

type Wire = { i: string; p: [string, number, number][] };

/** One transaction's entries as notices, each under `maxBytes` (a team kudos of thousands splits into several). */
export function encodeNotices(
  from: string,
  entries: readonly FeedEntry[],
  maxBytes = MAX_NOTICE_BYTES,
): string[] {
  const byPerson = new Map<string, [number, number]>();
  for (const e of entries) {
    const r = byPerson.get(e.personId);
    byPerson.set(e.personId, r ? [Math.min(r[0], e.seq - 1), Math.max(r[1], e.seq)] : [e.seq - 1, e.seq]);
  }
  const head = JSON.stringify({ i: from, p: [] }).length;
  const out: string[] = [];
  let ranges: Wire['p'] = [];
  let size = head;
  for (const [personId, [after, upTo]] of byPerson) {
    const item: [string, number, number] = [personId, after, upTo];
    const bytes = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (ranges.length > 0 && size + bytes > maxBytes) {
      out.push(JSON.stringify({ i: from, p: ranges } satisfies Wire));
      ranges = [];
      size = head;
    }
    ranges.push(item);
    size += bytes;
  }
  if (ranges.length > 0) out.push(JSON.stringify({ i: from, p: ranges } satisfies Wire));
  return out;
}

/** A notice read back, or null for a payload that is not one (never trusted to be well formed). */
export function decodeNotice(payload: string): FeedNotice | null {
  try {
    const wire = JSON.parse(payload) as Partial<Wire>;
    if (typeof wire.i !== 'string' || !Array.isArray(wire.p)) return null;
    const ranges: FeedRange[] = [];
    for (const item of wire.p) {
      if (!Array.isArray(item) || item.length !== 3) return null;
      const [personId, after, upTo] = item as unknown[];
      if (typeof personId !== 'string' || !Number.isSafeInteger(after) || !Number.isSafeInteger(upTo))
        return null;
      ranges.push({ personId, after: after as number, upTo: upTo as number });
    }
    return { from: wire.i, ranges };
  } catch {
    return null;
  }
}
