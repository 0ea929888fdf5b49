import type { Snapshot } from '../api/snapshot';
import type { FeedEntry } from '../api/feed';

/**
 * Folds one feed entry into a snapshot. Pure: returns a new snapshot (or the same one when nothing changes).
 * Each entry type replaces or upserts exactly one piece, and an entry at or below the snapshot's cursor is
 * already folded in, so applying an entry twice (a replay after reconnect) changes nothing and an old
 * entry can never roll newer state back.
 */
export function applyFeedEntry(snapshot: Snapshot, entry: FeedEntry): Snapshot {
  if (entry.seq <= snapshot.cursor) return snapshot;
  return { ...foldPayload(snapshot, entry), cursor: entry.seq };
}

/** Applies a run of entries in order; see applyFeedEntry. */
export function applyFeedEntries(snapshot: Snapshot, entries: readonly FeedEntry[]): Snapshot {
  return entries.reduce(applyFeedEntry, snapshot);
}

function foldPayload(s: Snapshot, entry: FeedEntry): Snapshot {
  switch (entry.type) {
    case 'person.updated':
      return { ...s, person: entry.payload };
    case 'team.updated':
      return { ...s, team: entry.payload };
    case 'mission.upserted':
      return { ...s, missions: upsert(s.missions, entry.payload, (m) => m.mission.id) };
    case 'offers.replaced':
      return { ...s, offers: entry.payload.offers };
    case 'streak.updated':
      return { ...s, streak: entry.payload };
    case 'growth.updated':
      return { ...s, growth: entry.payload };
    case 'kudos.upserted':
      return {
        ...s,
        kudos: { ...s.kudos, inbox: upsertNewestFirst(s.kudos.inbox, entry.payload) },
      };
    case 'kudos.quota':
      return { ...s, kudos: { ...s.kudos, ...entry.payload } };
    case 'timeline.added':
      return { ...s, timeline: upsertNewestFirst(s.timeline, entry.payload) };
    case 'trends.updated':
      return { ...s, trends: entry.payload.trends };
    case 'profile.updated':
      return { ...s, profile: entry.payload };
    case 'coaching.upserted':
      return { ...s, coaching: upsert(s.coaching, entry.payload, (c) => c.id) };
    case 'idea.upserted':
      return { ...s, ideas: upsert(s.ideas, entry.payload, (i) => i.id) };
    case 'consultation.upserted':
      return { ...s, consultations: upsert(s.consultations, entry.payload, (c) => c.id) };
    case 'plan.updated':
      return { ...s, plan: entry.payload };
    case 'celebration':
      // A moment, not state: the client hands it to onEntry listeners and the snapshot only advances its cursor.
      return s;
  }
}

/** Replaces the item with the same id in place, or appends it. */
function upsert<T>(items: readonly T[], item: T, idOf: (t: T) => string): T[] {
  const id = idOf(item);
  const index = items.findIndex((t) => idOf(t) === id);
  if (index === -1) return [...items, item];
  const next = [...items];
  next[index] = item;
  return next;
}

/**
 * Inbox and timeline read newest first (the snapshot arrives sorted so). The item goes where its time puts
 * it — almost always the front — found by binary search: re-sorting the whole list on every entry made a
 * long catch-up quadratic. ISO instants with offsets compare by their parsed time; equal times keep arrival order.
 */
function upsertNewestFirst<T extends { id: string; at: string }>(items: readonly T[], item: T): T[] {
  const next = items.filter((t) => t.id !== item.id);
  const at = Date.parse(item.at);
  let lo = 0;
  let hi = next.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Date.parse(next[mid]!.at) >= at) lo = mid + 1;
    else hi = mid;
  }
  next.splice(lo, 0, item);
  return next;
}
