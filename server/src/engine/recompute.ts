import { yieldToEventLoop } from './yield';
import type { AppContext } from '../core/context';
import { runUnitOfWork } from '../store/unit-of-work';
import { agents, everyoneWithZones, loadPerson } from '../store/repos/people-repo';
import { agentsWithMissionsDue } from '../store/repos/missions-repo';
import { NOT_RECOGNISED_DAYS } from '../../../shared/domain/people-model';
import { customerKudosFromEvent, refreshAgent } from './apply-events';
import { loadOwnEvents } from '../store/repos/events-repo';
import { refreshActiveMissions } from './mission-refresh';
import { ensureTallies } from './tallies';
import { tallyZones } from '../store/repos/tallies-repo';
import { generateWeeklyOffers } from './offers-job';
import { clearPending, markPending, pendingJob } from '../store/repos/pending-work-repo';
import { toIsoUtc } from '../store/time';
import { faultPause } from '../core/fault-pause';

/** The pending_work job of the recomputation after a bulk import. */
export const RECOMPUTE_ALL = 'recompute_all';

/**
 * After a bulk import (ingest with deferRefresh): the metric tallies of everyone the deferred batches credited
 * rebuilt from the stored history (they marked them not built), then every agent's missions, trends, streak and
 * growth read from them, then this week's offers. One transaction per agent (and per few people for the
 * tallies), so a large team never holds one long lock.
 * The work is owed durably (pending_work) from before it starts until it is done — a deferred ingest batch marks
 * it in its own transaction too — so a kill mid-way leaves it for `finishPendingRecompute` at the next start or
 * import instead of losing the derived state for good.
 */
export async function recomputeAll(ctx: AppContext): Promise<{ agents: number; offers: number }> {
  const requestId = await markPending(ctx.store.db, RECOMPUTE_ALL, toIsoUtc(ctx.clock()));
  return recomputeFor(ctx, requestId);
}

/** Finishes a recomputation a kill or an outage left owed; false when none was. */
export async function finishPendingRecompute(ctx: AppContext): Promise<boolean> {
  const job = await pendingJob(ctx.store.db, RECOMPUTE_ALL);
  if (!job) return false;
  await recomputeFor(ctx, job.requestId);
  return true;
}

async function recomputeFor(ctx: AppContext, requestId: string): Promise<{ agents: number; offers: number }> {
  // Everyone's tallies first (supervisors' too: a role can change), so that no refresh below reads a teammate
  // whose tallies still lack the imported events — a team mission's total is read from all its members. One
  // person a transaction: a rebuild holds all events of their tickets in memory (thousands after an import).
  const everyone = await everyoneWithZones(ctx.store.db);
  const built = await tallyZones(
    ctx.store.db,
    everyone.map((p) => p.id),
  );
  // Read first: only the stale open a transaction (ensureTallies checks again inside it).
  for (const { id, timezone } of everyone.filter((p) => built.get(p.id) !== p.timezone)) {
    await yieldToEventLoop();
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), (uow) =>
      ensureTallies(uow, [id], new Map([[id, timezone]])),
    );
  }
  const people = await agents(ctx.store.db);
  for (const [i, { id }] of people.entries()) {
    // The fault suite's SIGKILL lands here: some agents recomputed and committed, the rest not yet.
    if (i === 1) await faultPause(ctx.config, 'recompute');
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const person = await loadPerson(uow.trx, id);
      if (!person) return;
      // Customer kudos from the recent imported ratings (older praise would only flood the inbox).
      const since = new Date(Date.parse(uow.now) - 2 * NOT_RECOGNISED_DAYS * 86_400_000).toISOString();
      for (const e of await loadOwnEvents(uow.trx, id, since, ['csat_rated']))
        await customerKudosFromEvent(uow, e, person, { historical: true });
      await refreshAgent(uow, person);
    });
  }
  const offers = await generateWeeklyOffers(ctx);
  await clearPending(ctx.store.db, RECOMPUTE_ALL, requestId);
  return { agents: people.length, offers };
}

/** Settles missions whose window has closed (idempotent: a settled mission is never settled again). */
export async function settleDueMissions(ctx: AppContext): Promise<number> {
  const now = ctx.clock().toISOString();
  const due = await agentsWithMissionsDue(ctx.store.db, now);
  for (const agentId of due) {
    await yieldToEventLoop();
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const person = await loadPerson(uow.trx, agentId);
      await refreshActiveMissions(uow, agentId, person?.timezone ?? 'UTC', []);
    });
  }
  return due.length;
}

/** Streaks move at day end even without new events (a missed day, a pending day becoming met or frozen). */
export async function refreshAllStreaks(ctx: AppContext): Promise<void> {
  for (const { id } of await agents(ctx.store.db)) {
    await yieldToEventLoop();
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const person = await loadPerson(uow.trx, id);
      if (person) await refreshAgent(uow, person, []);
    });
  }
}
