import type { Kysely } from 'kysely';
import {
  ConsultationAnswer,
  ConsultationTally,
  StoredConsultation,
} from '../../../../shared/domain/consultation-model';
import { emptyTally } from '../../../../shared/domain/consultations';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

export async function saveConsultation(db: Kysely<Database>, c: StoredConsultation): Promise<void> {
  const values = { team_id: c.teamId, closes_at: c.closesAt, body: writeJson(c), created_at: c.createdAt };
  await db
    .insertInto('consultations')
    .values({ id: c.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function loadConsultation(db: Kysely<Database>, id: string): Promise<StoredConsultation | null> {
  const row = await db.selectFrom('consultations').select('body').where('id', '=', id).executeTakeFirst();
  return row ? readJson(StoredConsultation, row.body) : null;
}

/** The teams' consultations, newest first, plus any the person answered in a team they have since left. */
export async function consultationsFor(
  db: Kysely<Database>,
  personId: string,
  teamIds: readonly string[],
): Promise<StoredConsultation[]> {
  const rows = await db
    .selectFrom('consultations')
    .select('body')
    .where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb
            .selectFrom('consultation_participants')
            .select('consultation_id')
            .where('person_id', '=', personId),
        ),
        ...(teamIds.length > 0 ? [eb('team_id', 'in', [...teamIds])] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => readJson(StoredConsultation, r.body));
}

export async function consultationsOfTeam(
  db: Kysely<Database>,
  teamId: string,
): Promise<StoredConsultation[]> {
  const rows = await db
    .selectFrom('consultations')
    .select('body')
    .where('team_id', '=', teamId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => readJson(StoredConsultation, r.body));
}

/** Of these consultations, the ones the person answered. */
export async function answeredBy(
  db: Kysely<Database>,
  personId: string,
  consultationIds: readonly string[],
): Promise<Set<string>> {
  if (consultationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('consultation_participants')
    .select('consultation_id')
    .where('person_id', '=', personId)
    .where('consultation_id', 'in', [...consultationIds])
    .execute();
  return new Set(rows.map((r) => r.consultation_id));
}

export async function participantsOf(db: Kysely<Database>, consultationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('consultation_participants')
    .select('person_id')
    .where('consultation_id', '=', consultationId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** Records that the person took part (and nothing else); false when they already had. */
export async function addParticipant(
  db: Kysely<Database>,
  consultationId: string,
  personId: string,
): Promise<boolean> {
  const result = await db
    .insertInto('consultation_participants')
    .values({ consultation_id: consultationId, person_id: personId })
    .onConflict((oc) => oc.columns(['consultation_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function loadTally(db: Kysely<Database>, consultationId: string): Promise<ConsultationTally> {
  const row = await db
    .selectFrom('consultation_tallies')
    .select('body')
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
  return row ? readJson(ConsultationTally, row.body) : emptyTally();
}

export async function saveTally(
  db: Kysely<Database>,
  consultationId: string,
  tally: ConsultationTally,
): Promise<void> {
  const body = writeJson(tally);
  await db
    .insertInto('consultation_tallies')
    .values({ consultation_id: consultationId, body })
    .onConflict((oc) => oc.column('consultation_id').doUpdateSet({ body }))
    .execute();
}

export async function saveNamedAnswer(
  db: Kysely<Database>,
  consultationId: string,
  personId: string,
  answer: ConsultationAnswer,
  at: string,
): Promise<void> {
  await db
    .insertInto('consultation_named_answers')
    .values({ consultation_id: consultationId, person_id: personId, body: writeJson(answer), at })
    .execute();
}

export async function namedAnswersOf(
  db: Kysely<Database>,
  consultationId: string,
): Promise<{ personId: string; answer: ConsultationAnswer; at: string }[]> {
  const rows = await db
    .selectFrom('consultation_named_answers')
    .select(['person_id', 'body', 'at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('at')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, answer: readJson(ConsultationAnswer, r.body), at: r.at }));
}
