import { createHash } from 'node:crypto';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import { eventKey } from '../../../shared/domain/events';
import { customerKudosFrom } from '../../../shared/domain/kudos-rules';
import type { UnitOfWork } from '../store/unit-of-work';
import { loadPeople, type PersonFull } from '../store/repos/people-repo';
import { insertKudos } from '../store/repos/kudos-repo';
import { deliverKudos } from './kudos-delivery';
import { earliestActiveMissionStart } from '../store/repos/missions-repo';
import { refreshActiveMissions } from './mission-refresh';
import { refreshStreak, streakEventsSince } from './streak-refresh';
import { moveTallies, readBatchTickets, tallyDaysOf } from './tallies';
import { celebrateClosedWeekBests, recordPendingBests, refreshTrends } from './trends-refresh';
import { recordBatchAchievements, refreshGrowth } from './growth-updater';
import { beginRefreshBatch } from './refresh-batch';
import { flushBatchState, personStateOf } from './batch-state';
import { refreshPendingPlans } from './plan-progress';

/**
 * Applies newly stored events, inside their ingest transaction: customer kudos from happy comments, then for
 * each agent the events touch, their stored tallies (moveTallies), then the missions, trends, streak and growth
 * they affect, read from those tallies. Work is proportional to the tickets the events touch and the days the
 * windows cover, never to the agent's whole history.
 */
export async function applyStoredEvents(uow: UnitOfWork, events: readonly HelpdeskEvent[]): Promise<void> {
  const instantsByAgent = new Map<string, string[]>();
  const streakTouched = new Set<string>();
  const add = (agentId: string, at: string) =>
    instantsByAgent.set(agentId, [...(instantsByAgent.get(agentId) ?? []), at]);
  const orphanTickets: { ticketId: string; at: string }[] = [];
  for (const e of events) {
    if ('agentId' in e && e.agentId) add(e.agentId, e.at);
    // Only ratings and solves feed the daily tallies; other events cannot move a streak.
    if ((e.type === 'csat_rated' || e.type === 'ticket_solved') && e.agentId) streakTouched.add(e.agentId);
    // A late ticket_created (or a reopen without agent) changes the metrics of whoever worked that ticket.
    if (e.type === 'ticket_created' || (e.type === 'ticket_reopened' && !e.agentId))
      orphanTickets.push({ ticketId: e.ticketId, at: e.at });
  }
  // The batch's tickets as stored: what the tallies move, and who worked a ticket an orphan event touches.
  const tickets = await readBatchTickets(uow, events);
  for (const { ticketId } of orphanTickets) {
    // Their replies and solves may lie anywhere after creation, so their active missions are all refreshed.
    for (const agentId of tickets.agentsByTicket.get(ticketId) ?? [])
      if (!instantsByAgent.has(agentId)) instantsByAgent.set(agentId, []);
  }
  const people = await loadPeople(uow.trx, [...instantsByAgent.keys()]);
  const batch = beginRefreshBatch(uow);
  const agentIds = [...people.keys()];
  // The batch's credits move into the stored tallies first; the touched agents' tallies from the earliest day
  // the refresh reads (the streak horizon or an active mission's start) come in the same read.
  const missionStart = agentIds.length > 0 ? await earliestActiveMissionStart(uow.trx, agentIds) : null;
  const since = streakEventsSince(uow.now);
  await moveTallies(uow, events, tickets, {
    agentIds,
    fromDay: tallyDaysOf({ from: missionStart !== null && missionStart < since ? missionStart : since }).from,
  });
  await batch.state.preload(
    uow,
    agentIds,
    agentIds.filter((id) => streakTouched.has(id) && people.get(id)?.role === 'agent'),
    streakEventsSince(uow.now),
  );
  for (const e of events) {
    const person = e.type === 'csat_rated' ? people.get(e.agentId) : undefined;
    if (person) await customerKudosFromEvent(uow, e, person);
  }
  for (const [agentId, instants] of instantsByAgent) {
    const person = people.get(agentId);
    if (!person) continue;
    await refreshAgent(uow, person, instants.length > 0 ? instants : undefined, {
      streak: streakTouched.has(agentId),
    });
  }
  await recordPendingBests(uow);
  await flushBatchState(uow);
  // After the flush: growth reads the person states, and the plans the completed missions, the batch wrote.
  await recordBatchAchievements(uow, batch.pendingAchievements);
  await refreshPendingPlans(uow, batch.pendingPlans);
}

/** A satisfied rating with a comment becomes customer kudos (engine rule), once per rating event. */
export async function customerKudosFromEvent(
  uow: UnitOfWork,
  e: HelpdeskEvent,
  person: PersonFull,
  opts: { historical?: boolean } = {},
): Promise<void> {
  // Hashed: the event key holds a NUL separator, which PostgreSQL text refuses.
  const hash = createHash('sha256').update(eventKey(e)).digest('hex');
  const kudos = customerKudosFrom(
    e,
    { personId: person.id, name: person.name },
    { id: `customer-${hash.slice(0, 32)}` },
  );
  if (kudos && (await insertKudos(uow.trx, kudos, `csat:${hash}`))) await deliverKudos(uow, kudos, opts);
}

/** Missions, trends, streak and growth of one agent; `instants` narrows missions and trends to the touched windows. */
export async function refreshAgent(
  uow: UnitOfWork,
  person: PersonFull,
  instants?: string[],
  opts: { streak?: boolean } = {},
): Promise<void> {
  await refreshActiveMissions(uow, person.id, person.timezone, instants);
  if (person.role !== 'agent') return;
  let state = await personStateOf(uow, person.id);
  state = await refreshTrends(uow, person, state, instants);
  await celebrateClosedWeekBests(uow, person, state);
  if (opts.streak ?? true) await refreshStreak(uow, person, state);
  // Reloaded: achievements recorded above may have moved growth already.
  await refreshGrowth(uow, person.id);
}
