import { eventKey, type HelpdeskEvent } from '../../../shared/domain/events';
import {
  applyCredits,
  talliesFromEvents,
  tallyKey,
  ticketCredits,
  type AgentDayTally,
} from '../../../shared/domain/metric-tallies';
import type { IsoDate, IsoInstant, TimeWindow } from '../../../shared/domain/primitives';
import { addDays, msOf } from '../../../shared/domain/time';
import type { UnitOfWork } from '../store/unit-of-work';
import { agentsOfTickets, eventsOfTickets, ticketsOfAgents } from '../store/repos/events-repo';
import { timezonesOf } from '../store/repos/people-repo';
import {
  deleteTalliesOf,
  forgetTallyZones,
  loadTallies,
  loadTallyRows,
  lockTallyKeys,
  saveTallies,
  saveTallyZones,
  tallyZones,
} from '../store/repos/tallies-repo';
import { refreshBatchOf } from './refresh-batch';

/**
 * The engine's stored metric tallies (shared/domain/metric-tallies.ts; table agent_day_tallies): kept right
 * inside each ingest transaction by moving the credits of the tickets the batch touched, and read by trends,
 * streaks and missions instead of raw events. An agent's tallies are built from their stored events whenever
 * they are absent or bucketed in a zone that is no longer theirs (an upgraded store, a merge, a time zone
 * change, a recompute after a bulk import) — always before anything reads or moves them.
 */

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10) as IsoDate;

/**
 * The days whose tallies can hold an instant of `window`, in any zone: a local date is at most one day from
 * the UTC date. Open-ended when `window.to` is omitted. More days change nothing (metricsFromTallies reads
 * each credit by its instant).
 */
export function tallyDaysOf(window: { from: IsoInstant | string; to?: IsoInstant | string }): {
  from: IsoDate;
  to?: IsoDate;
} {
  const from = addDays(utcDay(msOf(window.from)), -1);
  return window.to === undefined ? { from } : { from, to: addDays(utcDay(msOf(window.to) - 1), 1) };
}

/** Per unit of work: agents whose tallies were checked (built, in their zone) in it. */
const checked = new WeakMap<UnitOfWork, Set<string>>();

function checkedIn(uow: UnitOfWork): Set<string> {
  let set = checked.get(uow);
  if (!set) checked.set(uow, (set = new Set()));
  return set;
}

/**
 * Builds the tallies of those of `agentIds` whose tallies are absent or in another zone than theirs. Returns
 * the agents built now (their tallies already hold every stored event). `zones`: their current zones, if read.
 */
export async function ensureTallies(
  uow: UnitOfWork,
  agentIds: Iterable<string>,
  zones?: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const done = checkedIn(uow);
  const ids = [...new Set(agentIds)].filter((id) => !done.has(id));
  if (ids.length === 0) return new Set();
  const current = zones ?? (await timezonesOf(uow.trx, ids));
  const built = await tallyZones(uow.trx, ids);
  const stale = ids.filter((id) => current.has(id) && built.get(id) !== current.get(id));
  for (const id of ids) done.add(id);
  if (stale.length === 0) return new Set();
  await rebuildTallies(uow, stale, current);
  return new Set(stale);
}

/**
 * Every tally of `agentIds` from scratch, from all events of every ticket they have an event on (no other
 * ticket can credit them): their rows are replaced, set-based. `zones`: their current zones, if read.
 */
export async function rebuildTallies(
  uow: UnitOfWork,
  agentIds: readonly string[],
  zones?: ReadonlyMap<string, string>,
): Promise<void> {
  const current = zones ?? (await timezonesOf(uow.trx, agentIds));
  const ids = [...new Set(agentIds)].filter((id) => current.has(id));
  if (ids.length === 0) return;
  await lockTallyKeys(uow.trx, uow.dialect, 2, ids);
  const wanted = new Set(ids);
  const events = await eventsOfTickets(uow.trx, await ticketsOfAgents(uow.trx, ids));
  const tallies = talliesFromEvents(events, (id) => (wanted.has(id) ? current.get(id) : undefined));
  await deleteTalliesOf(uow.trx, ids);
  await saveTallies(uow.trx, [...tallies.values()]);
  await saveTallyZones(
    uow.trx,
    ids.map((id) => [id, current.get(id)!] as const),
  );
  refreshBatchOf(uow)?.tallies.forget(ids);
  for (const id of ids) checkedIn(uow).add(id);
}

/** Every stored event of the tickets an ingest batch touched (its own new events included). */
export interface BatchTickets {
  events: HelpdeskEvent[];
  /** The agents with an event on each ticket: whose metrics a late creation or agentless reopen there moves. */
  agentsByTicket: Map<string, Set<string>>;
}

/**
 * Reads the stored events of the tickets `fresh` touches (one query per 500 tickets), after taking their locks
 * on PostgreSQL (lockTallyKeys): what moveTallies re-derives, read before anything else of the batch.
 */
export async function readBatchTickets(
  uow: UnitOfWork,
  fresh: readonly HelpdeskEvent[],
): Promise<BatchTickets> {
  const tickets = [...new Set(fresh.map((e) => e.ticketId))].sort();
  const agentsByTicket = new Map<string, Set<string>>();
  if (tickets.length === 0) return { events: [], agentsByTicket };
  await lockTallyKeys(uow.trx, uow.dialect, 1, tickets);
  const events = await eventsOfTickets(uow.trx, tickets);
  for (const e of events) {
    if (!('agentId' in e) || !e.agentId) continue;
    let agents = agentsByTicket.get(e.ticketId);
    if (!agents) agentsByTicket.set(e.ticketId, (agents = new Set()));
    agents.add(e.agentId);
  }
  return { events, agentsByTicket };
}

/**
 * Moves into the stored tallies what newly stored `fresh` events change: for each ticket they touch, its
 * credits derived from its stored events without them (as the tallies hold it) leave their days, and its
 * credits with them arrive (applyCredits). Runs in the transaction that stored `fresh`, before any tally is
 * read; `tickets` is readBatchTickets(fresh). In an ingest batch, `prefetch` names agents whose tallies from a
 * day on the refresh will read: they are read first, in the same queries, so the move's reads and the
 * refresh's come from one read.
 */
export async function moveTallies(
  uow: UnitOfWork,
  fresh: readonly HelpdeskEvent[],
  tickets: BatchTickets,
  prefetch?: { agentIds: readonly string[]; fromDay: IsoDate },
): Promise<void> {
  const { events } = tickets;
  if (events.length === 0) return;
  const freshKeys = new Set(fresh.map(eventKey));
  const agents = new Set<string>();
  for (const set of tickets.agentsByTicket.values()) for (const id of set) agents.add(id);
  const zones = await timezonesOf(uow.trx, [...agents]);
  await lockTallyKeys(uow.trx, uow.dialect, 2, [...zones.keys()]);
  // Agents built just now already hold the fresh events; moving their credits again would count them twice.
  const builtNow = await ensureTallies(uow, zones.keys(), zones);
  const zoneOf = (id: string) => (builtNow.has(id) ? undefined : zones.get(id));
  const before = ticketCredits(
    events.filter((e) => !freshKeys.has(eventKey(e))),
    zoneOf,
  );
  const after = ticketCredits(events, zoneOf);

  const cache = refreshBatchOf(uow)?.tallies;
  if (cache && prefetch) {
    const missing = cache.missing(prefetch.agentIds, prefetch.fromDay);
    if (missing.length > 0)
      cache.hold(missing, prefetch.fromDay, await loadTallies(uow.trx, missing, prefetch.fromDay));
  }
  const keys = new Map<string, { agentId: string; day: IsoDate }>();
  for (const c of [...before, ...after])
    keys.set(tallyKey(c.agentId, c.day), { agentId: c.agentId, day: c.day });
  const tallies = new Map<string, AgentDayTally>();
  const unknown: { agentId: string; day: IsoDate }[] = [];
  for (const [key, k] of keys) {
    if (!cache?.knows(k.agentId, k.day)) unknown.push(k);
    else {
      const held = cache.get(k.agentId, k.day);
      if (held) tallies.set(key, held);
    }
  }
  for (const t of await loadTallyRows(uow.trx, unknown)) tallies.set(tallyKey(t.agentId, t.day), t);
  const changed = applyCredits(tallies, before, after);
  const writes: AgentDayTally[] = [];
  for (const key of [...changed].sort()) {
    const k = keys.get(key)!;
    const tally = tallies.get(key) ?? { agentId: k.agentId, day: k.day, tickets: {} };
    writes.push(tally);
    cache?.put(tally);
  }
  await saveTallies(uow.trx, writes);
}

/**
 * The stored tallies of `agentIds` over `window` (any tallies holding every day of it), built first where
 * needed; from the ingest batch's read when it holds them.
 */
export async function talliesOver(
  uow: UnitOfWork,
  agentIds: readonly string[],
  window: { from: IsoInstant | string; to?: IsoInstant | string } | TimeWindow,
): Promise<AgentDayTally[]> {
  await ensureTallies(uow, agentIds);
  const days = tallyDaysOf(window);
  const cache = refreshBatchOf(uow)?.tallies;
  if (!cache) return loadTallies(uow.trx, agentIds, days.from, days.to);
  const missing = cache.missing(agentIds, days.from);
  if (missing.length > 0) cache.hold(missing, days.from, await loadTallies(uow.trx, missing, days.from));
  return [...new Set(agentIds)].flatMap((id) => cache.range(id, days.from, days.to));
}

/**
 * Every agent `events` can credit — their own, and everyone with an event on their tickets (ratings are held by
 * every rater, a reopen counts against the last solver) — counts as not built from this transaction's commit,
 * so whatever reads their tallies next rebuilds them from the stored events first. For the stores that do not
 * move tallies: a deferred (bulk import) batch, whose recomputation rebuilds everyone, and which must not leave
 * a live batch or the scheduler meanwhile reading tallies that lack its events.
 */
export async function forgetTalliesCredited(
  uow: UnitOfWork,
  events: readonly HelpdeskEvent[],
): Promise<void> {
  // The batch's own events are stored already, so their tickets' agents include their own agents.
  const agents = await agentsOfTickets(uow.trx, [...new Set(events.map((e) => e.ticketId))]);
  await unbuild(uow, agents, forgetTallyZones);
}

/** A merge's: these agents' tallies deleted, to be rebuilt when next read. */
export async function dropTallies(uow: UnitOfWork, agentIds: readonly string[]): Promise<void> {
  await unbuild(uow, agentIds, deleteTalliesOf);
}

/**
 * Marks agents' tallies as not built with `remove` (their zone rows, or their rows too), in the store and in
 * this transaction's memory. On PostgreSQL the agents' locks come first (one statement, in order), so a
 * concurrent rebuild or move of theirs queues behind it.
 */
async function unbuild(
  uow: UnitOfWork,
  agentIds: readonly string[],
  remove: (db: UnitOfWork['trx'], ids: readonly string[]) => Promise<void>,
): Promise<void> {
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) return;
  await lockTallyKeys(uow.trx, uow.dialect, 2, ids);
  await remove(uow.trx, ids);
  refreshBatchOf(uow)?.tallies.forget(ids);
  const done = checkedIn(uow);
  for (const id of ids) done.delete(id);
}
