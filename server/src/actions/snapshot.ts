import type { Kysely } from 'kysely';
import { Snapshot } from '../../../shared/api/snapshot';
import type { Database } from '../store/schema';
import type { Store } from '../store/database';
import { inReadTransaction } from '../store/unit-of-work';
import { notFound } from '../core/errors';
import { loadPerson, personSummary } from '../store/repos/people-repo';
import { teamSummary } from '../store/repos/teams-repo';
import { loadPersonState } from '../store/repos/person-state-repo';
import { recentMissions } from '../store/repos/missions-repo';
import { openOffers } from '../store/repos/offers-repo';
import { inbox } from '../store/repos/kudos-repo';
import { kudosQuota } from '../engine/kudos-quota';
import { timelineOf } from '../store/repos/timeline-repo';
import { cardsOf, ideasFor } from '../store/repos/coaching-ideas-repo';
import { feedHead } from '../store/repos/feed-repo';
import { answeredBy, consultationsFor } from '../store/repos/consultations-repo';
import { loadPlan, planFactsOf } from '../store/repos/growth-plans-repo';
import { planView } from '../../../shared/domain/growth-plans';
import { localDateOf } from '../../../shared/domain/time';

const SETTLED_VISIBLE_MS = 14 * 24 * 3600_000;

async function buildSnapshot(db: Kysely<Database>, personId: string, now: Date): Promise<Snapshot> {
  const person = await loadPerson(db, personId);
  if (!person) throw notFound('The person');
  const nowIso = now.toISOString();
  const firstTeam = person.teamIds[0];
  const [team, state, missions, offers, kudos, quota, timeline, coaching, ideas, asked, cursor] =
    await Promise.all([
      firstTeam ? teamSummary(db, firstTeam) : Promise.resolve(null),
      loadPersonState(db, personId),
      recentMissions(db, personId, new Date(now.getTime() - SETTLED_VISIBLE_MS).toISOString()),
      openOffers(db, personId),
      inbox(db, personId),
      kudosQuota(db, personId, person.timezone, nowIso),
      timelineOf(db, personId),
      cardsOf(db, personId),
      ideasFor(db, personId, person.teamIds),
      consultationsFor(db, personId, person.teamIds),
      feedHead(db, personId),
    ]);
  const plan = await loadPlan(db, personId);
  const planNow = plan
    ? planView(plan, await planFactsOf(db, personId), localDateOf(nowIso, person.timezone))
    : null;
  const answered = await answeredBy(
    db,
    personId,
    asked.map((c) => c.id),
  );
  return Snapshot.parse({
    person: personSummary(person),
    team,
    missions,
    offers,
    streak: state.streak,
    growth: state.growth,
    kudos: { inbox: kudos, ...quota },
    timeline,
    trends: state.trends,
    profile: person.profile,
    coaching,
    ideas,
    consultations: asked.map((c) => ({ ...c, answered: answered.has(c.id) })),
    plan: planNow,
    cursor,
  });
}

/**
 * The snapshot and its cursor are read in one transaction (repeatable read on PostgreSQL; SQLite has one
 * connection), so the state is exactly "everything up to `cursor`" and catch-up from the cursor is gap-free.
 */
export async function snapshotFor(store: Store, personId: string, now: Date): Promise<Snapshot> {
  return inReadTransaction(store, (trx) => buildSnapshot(trx, personId, now));
}
