import type { Snapshot } from '../api/snapshot';
import type { FeedEntry } from '../api/feed';

/**
 * Folds one feed entry into a snapshot. Pure: returns a new snapshot (or the same one when nothing changes).
 * Each entry type replaces or upserts exactly one piece, and an entry at or below the snapshot's cursor is
 * already folded in, so applying an entry twice (a replay after reconnect) changes nothing and an old
 * entry can never roll newer state back.
 */
export function applyFeedEntry(snapshot: Snapshot, entry: FeedEntry): Snapshot {
  return applyFeedEntries(snapshot, [entry]);
}

/**
 * Applies a run of entries in order, with the result of applying them one by one (applyFeedEntry), but in one
 * pass: the snapshot and each list an entry touches are copied once per run, not once per entry, so a
 * catch-up of 10,000 entries is linear in the entries plus the lists, not their product.
 */
export function applyFeedEntries(snapshot: Snapshot, entries: readonly FeedEntry[]): Snapshot {
  let cursor = snapshot.cursor;
  let fold: Fold | null = null;
  for (const entry of entries) {
    if (entry.seq <= cursor) continue;
    cursor = entry.seq;
    fold ??= createFold(snapshot);
    fold.add(entry);
  }
  return fold ? fold.finish(cursor) : snapshot;
}

interface Fold {
  add(entry: FeedEntry): void;
  finish(cursor: number): Snapshot;
}

function createFold(base: Snapshot): Fold {
  const s: Snapshot = { ...base, kudos: { ...base.kudos } };
  const missions = byId(base.missions, (m) => m.mission.id);
  const coaching = byId(base.coaching, (c) => c.id);
  const ideas = byId(base.ideas, (i) => i.id);
  const consultations = byId(base.consultations, (c) => c.id);
  const inbox = newestFirst(base.kudos.inbox);
  const timeline = newestFirst(base.timeline);
  return {
    add(entry) {
      switch (entry.type) {
        case 'person.updated':
          s.person = entry.payload;
          return;
        case 'team.updated':
          s.team = entry.payload;
          return;
        case 'mission.upserted':
          return missions.upsert(entry.payload);
        case 'offers.replaced':
          s.offers = entry.payload.offers;
          return;
        case 'streak.updated':
          s.streak = entry.payload;
          return;
        case 'growth.updated':
          s.growth = entry.payload;
          return;
        case 'kudos.upserted':
          return inbox.upsert(entry.payload);
        case 'kudos.quota':
          s.kudos = { ...s.kudos, ...entry.payload };
          return;
        case 'timeline.added':
          return timeline.upsert(entry.payload);
        case 'trends.updated':
          s.trends = entry.payload.trends;
          return;
        case 'profile.updated':
          s.profile = entry.payload;
          return;
        case 'coaching.upserted':
          return coaching.upsert(entry.payload);
        case 'idea.upserted':
          return ideas.upsert(entry.payload);
        case 'consultation.upserted':
          return consultations.upsert(entry.payload);
        case 'plan.updated':
          s.plan = entry.payload;
          return;
        case 'celebration':
          // A moment, not state: the client hands it to onEntry listeners; the snapshot only advances its cursor.
          return;
      }
    },
    finish(cursor) {
      return {
        ...s,
        missions: missions.result(),
        coaching: coaching.result(),
        ideas: ideas.result(),
        consultations: consultations.result(),
        kudos: { ...s.kudos, inbox: inbox.result() },
        timeline: timeline.result(),
        cursor,
      };
    },
  };
}

/** Upsert by id: replaces the item with the same id in place, or appends it (the list is copied on first use). */
function byId<T>(items: T[], idOf: (t: T) => string) {
  let copy: T[] | null = null;
  let index: Map<string, number> | null = null;
  return {
    upsert(item: T) {
      copy ??= [...items];
      index ??= new Map(copy.map((t, i) => [idOf(t), i]));
      const at = index.get(idOf(item));
      if (at === undefined) {
        index.set(idOf(item), copy.length);
        copy.push(item);
      } else copy[at] = item;
    },
    result: (): T[] => copy ?? items,
  };
}

/**
 * Inbox and timeline read newest first (the snapshot arrives sorted so). Each upserted item goes where its
 * time puts it, after the items of the same time that were there before it (equal times keep arrival order);
 * the run's items are collected (the last upsert of an id wins and counts as its arrival) and merged with
 * the list once. ISO instants with offsets compare by their parsed time.
 */
function newestFirst<T extends { id: string; at: string }>(items: T[]) {
  const fresh = new Map<string, T>();
  return {
    upsert(item: T) {
      fresh.delete(item.id);
      fresh.set(item.id, item);
    },
    result(): T[] {
      if (fresh.size === 0) return items;
      // Stable sort: equal times stay in arrival order.
      const added = [...fresh.values()]
        .map((item) => ({ item, time: Date.parse(item.at) }))
        .sort((a, b) => b.time - a.time);
      const out: T[] = [];
      let j = 0;
      for (const old of items) {
        if (fresh.has(old.id)) continue;
        const time = Date.parse(old.at);
        while (j < added.length && added[j]!.time > time) out.push(added[j++]!.item);
        out.push(old);
      }
      while (j < added.length) out.push(added[j++]!.item);
      return out;
    },
  };
}
