import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ActionAck,
  AnswerConsultationBody,
  AskTeamBody,
  DecideConsultationBody,
} from '../../../shared/api/actions';
import type { StoredConsultation } from '../../../shared/domain/consultation-model';
import {
  CONSULTATION_MAX_OPTIONS,
  CONSULTATION_MIN_OPTIONS,
  addToTally,
  answerProblem,
  closingDateProblem,
  resultsOf,
} from '../../../shared/domain/consultations';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import type { UnitOfWork } from '../store/unit-of-work';
import { conflict, forbidden, invalid, notFound, ruleRefused } from '../core/errors';
import { canManageTeam, requireSupervisor } from './access';
import { runIdempotentAction } from './idempotent-action';
import { supervisorWrite } from './supervisor-write';
import { loadPerson } from '../store/repos/people-repo';
import { loadTeam, teamMemberIds } from '../store/repos/teams-repo';
import {
  addParticipant,
  answeredBy,
  loadConsultation,
  loadTally,
  participantsOf,
  saveConsultation,
  saveNamedAnswer,
  saveTally,
} from '../store/repos/consultations-repo';

/**
 * Feeds a consultation to everyone concerned (its team, and whoever answered it), each with their own
 * "answered" flag. Never the tally while it is open: a tally that changes in the answerer's feed at the moment
 * they answer would tell what they said.
 */
async function feedConsultation(uow: UnitOfWork, c: StoredConsultation): Promise<void> {
  const audience = new Set([
    ...(await teamMemberIds(uow.trx, c.teamId)),
    ...(await participantsOf(uow.trx, c.id)),
  ]);
  const answered = new Set(await participantsOf(uow.trx, c.id));
  for (const personId of [...audience].sort())
    uow.feed(personId, 'consultation.upserted', { ...c, answered: answered.has(personId) });
}

export async function askTeam(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
  body: z.infer<typeof AskTeamBody>,
  key: string | null,
): Promise<{ id: string }> {
  requireSupervisor(principal);
  if (!(await loadTeam(ctx.store.db, teamId))) throw notFound('The team');
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  const now = ctx.clock().toISOString();
  const closing = closingDateProblem(body.closesAt, now);
  if (closing) throw invalid(closing, [{ path: 'closesAt', message: closing }]);
  const labels = body.kind === 'options' ? body.options : [];
  if (
    body.kind === 'options' &&
    (labels.length < CONSULTATION_MIN_OPTIONS || labels.length > CONSULTATION_MAX_OPTIONS)
  )
    throw invalid(`Give ${CONSULTATION_MIN_OPTIONS} to ${CONSULTATION_MAX_OPTIONS} options.`, [
      { path: 'options', message: `${labels.length} options` },
    ]);
  if (body.kind === 'text' && body.options.length > 0)
    throw invalid('A free-text question has no options.', [{ path: 'options', message: 'must be empty' }]);
  const authorName = (await loadPerson(ctx.store.db, principal.personId))?.name ?? 'Admin';
  const { ack } = await supervisorWrite(ctx, principal, key, 'askTeam', body, async (uow) => {
    const c: StoredConsultation = {
      id: randomUUID(),
      teamId,
      authorId: principal.personId,
      authorName,
      question: body.question,
      details: body.details,
      kind: body.kind,
      options: labels.map((label, i) => ({ id: `o${i + 1}`, label })),
      anonymous: body.anonymous,
      closesAt: new Date(body.closesAt).toISOString(),
      createdAt: uow.now,
      decision: null,
      publishedResults: null,
    };
    await saveConsultation(uow.trx, c);
    await feedConsultation(uow, c);
    return { id: c.id };
  });
  return { id: ack.id ?? '' };
}

/**
 * An agent's answer, once, while open. For an anonymous consultation only two things are written: that the
 * person took part (no answer, no time) and the tally (no person, no time); the idempotency key remembers no
 * result, and the answerer's feed entry says only "answered".
 */
export async function answerConsultation(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof AnswerConsultationBody>,
  key: string,
): Promise<ActionAck> {
  const person = await loadPerson(ctx.store.db, principal.personId);
  if (!person) throw forbidden('Only people answer consultations; the bootstrap admin does not.');
  return runIdempotentAction(ctx, person.id, key, 'answerConsultation', body, async (uow) => {
    const c = await loadConsultation(uow.trx, body.consultationId);
    // Another team's question is not there for this person at all.
    if (!c || !person.teamIds.includes(c.teamId)) throw notFound('The question');
    const already = (await answeredBy(uow.trx, person.id, [c.id])).has(c.id);
    const answer = { optionId: body.optionId, text: body.text };
    const problem = answerProblem(c, answer, uow.now, already);
    if (problem) {
      if (already) throw conflict(problem, 'already_answered');
      throw ruleRefused(
        c.decision || Date.parse(uow.now) >= Date.parse(c.closesAt) ? 'consultation_closed' : 'bad_answer',
        problem,
      );
    }
    if (!(await addParticipant(uow.trx, c.id, person.id)))
      throw conflict('You already answered this question.', 'already_answered');
    await saveTally(uow.trx, c.id, addToTally(await loadTally(uow.trx, c.id), answer));
    if (!c.anonymous) await saveNamedAnswer(uow.trx, c.id, person.id, answer, uow.now);
    uow.feed(person.id, 'consultation.upserted', { ...c, answered: true });
    // An anonymous answer's idempotency row names neither the person nor the question (runIdempotent).
    return { id: c.id, anonymous: c.anonymous };
  });
}

/** Closing the loop: once, with what was decided and why, and the results published to every participant. */
export async function decideConsultation(
  ctx: AppContext,
  principal: Principal,
  consultationId: string,
  body: z.infer<typeof DecideConsultationBody>,
  key: string | null,
): Promise<{ id: string }> {
  requireSupervisor(principal);
  const c = await loadConsultation(ctx.store.db, consultationId);
  if (!c) throw notFound('The question');
  if (!canManageTeam(principal, c.teamId))
    throw forbidden('This question belongs to a team you do not supervise.');
  await supervisorWrite(ctx, principal, key, 'decideConsultation', { consultationId, body }, async (uow) => {
    const current = await loadConsultation(uow.trx, consultationId);
    if (current?.decision) throw conflict('This question is already decided.', 'already_decided');
    const next: StoredConsultation = {
      ...c,
      decision: { decided: body.decided, why: body.why, at: uow.now },
      publishedResults: resultsOf(c, await loadTally(uow.trx, c.id)),
    };
    await saveConsultation(uow.trx, next);
    await feedConsultation(uow, next);
    return { id: c.id };
  });
  return { id: c.id };
}
