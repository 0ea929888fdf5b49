import type { Kysely } from 'kysely';
import { CoachingCard, Idea } from '../../../../shared/domain/people-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

export async function saveCard(db: Kysely<Database>, card: CoachingCard, now: string): Promise<void> {
  const values = { agent_id: card.agentId, author_id: card.authorId, body: writeJson(card), updated_at: now };
  await db
    .insertInto('coaching')
    .values({ id: card.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function loadCard(db: Kysely<Database>, id: string): Promise<CoachingCard | null> {
  const row = await db.selectFrom('coaching').select('body').where('id', '=', id).executeTakeFirst();
  return row ? readJson(CoachingCard, row.body) : null;
}

export async function cardsOf(db: Kysely<Database>, agentId: string): Promise<CoachingCard[]> {
  const rows = await db
    .selectFrom('coaching')
    .select('body')
    .where('agent_id', '=', agentId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => readJson(CoachingCard, r.body));
}

export async function saveIdea(db: Kysely<Database>, idea: Idea): Promise<void> {
  const values = {
    team_id: idea.teamId,
    author_id: idea.authorId,
    status: idea.status,
    body: writeJson(idea),
    updated_at: idea.updatedAt,
  };
  await db
    .insertInto('ideas')
    .values({ id: idea.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function loadIdea(db: Kysely<Database>, id: string): Promise<Idea | null> {
  const row = await db.selectFrom('ideas').select('body').where('id', '=', id).executeTakeFirst();
  return row ? readJson(Idea, row.body) : null;
}

/** Ideas are visible to the whole team (anonymous ones without their author), plus a person's own team-less ideas. */
export async function ideasFor(db: Kysely<Database>, personId: string, teamIds: string[]): Promise<Idea[]> {
  const rows = await db
    .selectFrom('ideas')
    .select('body')
    .where((eb) =>
      eb.or([eb('author_id', '=', personId), ...(teamIds.length > 0 ? [eb('team_id', 'in', teamIds)] : [])]),
    )
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => readJson(Idea, r.body));
}

export async function ideasOfTeam(db: Kysely<Database>, teamId: string): Promise<Idea[]> {
  const rows = await db
    .selectFrom('ideas')
    .select('body')
    .where('team_id', '=', teamId)
    .orderBy('updated_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => readJson(Idea, r.body));
}
