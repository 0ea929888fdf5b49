import { computeMetrics } from '../../../shared/domain/metrics';
import { generateOffers, teamTopQuartile, type TeamCaps } from '../../../shared/domain/offers';
import { weeklyTrends } from '../../../shared/domain/trends';
import { lastWeekStarts, weekStartOf, weeksWindow } from '../../../shared/domain/time';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import type { AppContext } from '../core/context';
import { runUnitOfWork } from '../store/unit-of-work';
import { agents, loadPerson, type PersonFull } from '../store/repos/people-repo';
import { lastResults } from '../store/repos/missions-repo';
import { expireOffersBefore, insertOfferOnce, openOffers } from '../store/repos/offers-repo';
import { jobsDone, recordJobRun } from '../store/repos/job-runs-repo';
import { loadAgentEvents } from '../store/repos/events-repo';
import { yieldToEventLoop } from './yield';

const HISTORY_WEEKS = 4;

/**
 * Agents whose offers for their current week were not attempted yet. One attempt per agent and week (recorded
 * in job_runs), so an agent without enough history is not recomputed every minute. This runs every tick, so it
 * costs a few queries per time zone, not a couple per agent.
 */
async function agentsWithoutOffers(ctx: AppContext, now: string): Promise<string[]> {
  const db = ctx.store.db;
  const byZone = new Map<string, string[]>();
  for (const a of await agents(db)) byZone.set(a.timezone, [...(byZone.get(a.timezone) ?? []), a.id]);
  const due: string[] = [];
  for (const [timezone, ids] of byZone) {
    const done = await jobsDone(db, 'offers:', weekStartOf(now, timezone));
    const doneIds = new Set(done.map((job) => job.slice('offers:'.length)));
    due.push(...ids.filter((id) => !doneIds.has(id)));
  }
  return due;
}

async function fourWeeks(ctx: AppContext, person: PersonFull, now: string) {
  const weekStart = weekStartOf(now, person.timezone);
  const window = weeksWindow(weekStart, person.timezone, HISTORY_WEEKS);
  const events = await loadAgentEvents(ctx.store.db, person.id, window);
  const recent = computeMetrics({ agentId: person.id, events, window, timezone: person.timezone });
  const history = weeklyTrends({
    agentId: person.id,
    events,
    timezone: person.timezone,
    weekStarts: lastWeekStarts(now, person.timezone, HISTORY_WEEKS),
  });
  return { weekStart, recent, history };
}

/**
 * This week's three offers per agent (engine: generateOffers), capped by the team's top quartile. Offer ids are
 * deterministic per agent and week and inserted with "on conflict do nothing", so running it twice (or on two
 * instances at once) creates each offer once and feeds it once.
 */
export async function generateWeeklyOffers(
  ctx: AppContext,
  now = ctx.clock().toISOString(),
): Promise<number> {
  const db = ctx.store.db;
  const byTeam = new Map<string, { person: PersonFull; data: Awaited<ReturnType<typeof fourWeeks>> }[]>();
  for (const id of await agentsWithoutOffers(ctx, now)) {
    const person = await loadPerson(db, id);
    if (!person) continue;
    await yieldToEventLoop();
    const key = person.teamIds[0] ?? `solo:${id}`;
    byTeam.set(key, [...(byTeam.get(key) ?? []), { person, data: await fourWeeks(ctx, person, now) }]);
  }
  let created = 0;
  for (const members of byTeam.values()) {
    // Caps come from the members who still need offers; good enough for a weekly run that covers everyone at once.
    const caps: TeamCaps = teamTopQuartile(
      members.map((m) => m.data.recent as AgentMetrics),
      { weeks: HISTORY_WEEKS },
    );
    for (const { person, data } of members) {
      await yieldToEventLoop();
      const offers = generateOffers({
        agentId: person.id,
        timezone: person.timezone,
        weekStart: data.weekStart,
        history: data.history,
        recent: data.recent,
        teamCaps: caps,
        lastResults: await lastResults(db, person.id),
      });
      await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
        await recordJobRun(uow.trx, `offers:${person.id}`, data.weekStart, uow.now);
        let inserted = 0;
        for (const offer of offers) if (await insertOfferOnce(uow.trx, offer)) inserted += 1;
        if (inserted === 0) return;
        created += inserted;
        // Last week's unanswered offers expire when the new ones arrive.
        await expireOffersBefore(uow.trx, person.id, data.weekStart);
        const open = await openOffers(uow.trx, person.id);
        uow.feed(person.id, 'offers.replaced', { offers: open });
      });
    }
  }
  return created;
}
