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
        kudos: { ...s.kudos, inbox: newestFirst(upsert(s.kudos.inbox, entry.payload, (k) => k.id)) },
      };
    case 'kudos.quota':
      return { ...s, kudos: { ...s.kudos, ...entry.payload } };
    case 'timeline.added':
      return { ...s, timeline: newestFirst(upsert(s.timeline, entry.payload, (t) => t.id)) };
    case 'trends.updated':
      return { ...s, trends: entry.payload.trends };
    case 'profile.updated':
      return { ...s, profile: entry.payload };
    case 'coaching.upserted':
      return { ...s, coaching: upsert(s.coaching, entry.payload, (c) => c.id) };
    case 'idea.upserted':
      return { ...s, ideas: upsert(s.ideas, entry.payload, (i) => i.id) };
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

/** Inbox and timeline read newest first; ISO instants with offsets compare by their parsed time. */
function newestFirst<T extends { at: string }>(items: T[]): T[] {
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
