import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ActionAck,
  AcceptOfferBody,
  ReplyCoachingBody,
  SubmitIdeaBody,
  TickTaskBody,
  UpdateProfileBody,
} from '../../../shared/api/actions';
import type { Idea } from '../../../shared/domain/people-model';
import { acceptOffer as missionFromOffer } from '../../../shared/domain/offers';
import { POINTS } from '../../../shared/domain/growth';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import type { UnitOfWork } from '../store/unit-of-work';
import { conflict, forbidden, notFound } from '../core/errors';
import { runIdempotentAction } from './idempotent-action';
import { loadPerson, saveProfile } from '../store/repos/people-repo';
import { teamMemberIds } from '../store/repos/teams-repo';
import { loadCard, saveCard, saveIdea } from '../store/repos/coaching-ideas-repo';
import { loadOffer, openOffers, saveOffer } from '../store/repos/offers-repo';
import { recordAchievement } from '../engine/growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { refreshMission } from '../engine/mission-refresh';

async function me(ctx: AppContext, principal: Principal) {
  const person = await loadPerson(ctx.store.db, principal.personId);
  if (!person) throw forbidden('Only people have their own data; the bootstrap admin does not.');
  return person;
}

export async function updateProfile(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof UpdateProfileBody>,
  key: string,
): Promise<ActionAck> {
  const person = await me(ctx, principal);
  return runIdempotentAction(ctx, person.id, key, 'updateProfile', body, async (uow) => {
    await saveProfile(uow.trx, person.id, body);
    uow.feed(person.id, 'profile.updated', body);
    return { id: person.id };
  });
}

export async function acceptOffer(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof AcceptOfferBody>,
  key: string,
): Promise<ActionAck> {
  const person = await me(ctx, principal);
  return runIdempotentAction(ctx, person.id, key, 'acceptOffer', body, async (uow) => {
    const offer = await loadOffer(uow.trx, body.offerId);
    if (!offer || offer.agentId !== person.id) throw notFound('The offer');
    if (offer.status !== 'open')
      throw conflict('This offer is no longer open; pick one of this week’s offers.', 'offer_closed');
    const mission = missionFromOffer(offer, uow.now, randomUUID(), person.teamIds[0] ?? null);
    // The agent picks one offer of the week; the others close.
    for (const other of await openOffers(uow.trx, person.id)) {
      if (other.weekStart === offer.weekStart)
        await saveOffer(uow.trx, { ...other, status: other.id === offer.id ? 'accepted' : 'expired' });
    }
    uow.feed(person.id, 'offers.replaced', { offers: await openOffers(uow.trx, person.id) });
    await refreshMission(uow, mission, person.timezone, true);
    return { id: mission.id };
  });
}

async function cardFor(uow: UnitOfWork, cardId: string, principal: Principal) {
  const card = await loadCard(uow.trx, cardId);
  if (!card || (card.agentId !== principal.personId && card.authorId !== principal.personId))
    throw notFound('The coaching card');
  return card;
}

export async function tickTask(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof TickTaskBody>,
  key: string,
): Promise<ActionAck> {
  return runIdempotentAction(ctx, principal.personId, key, 'tickTask', body, async (uow) => {
    const card = await cardFor(uow, body.cardId, principal);
    if (card.agentId !== principal.personId)
      throw forbidden('Only the agent ticks their own coaching tasks.');
    if (!card.tasks.some((t) => t.id === body.taskId)) throw notFound('The task');
    const tasks = card.tasks.map((t) =>
      t.id === body.taskId ? { ...t, doneAt: body.done ? (t.doneAt ?? uow.now) : null } : t,
    );
    const allDone = tasks.length > 0 && tasks.every((t) => t.doneAt !== null);
    const next = { ...card, tasks, completedAt: card.completedAt ?? (allDone ? uow.now : null) };
    await saveCard(uow.trx, next, uow.now);
    uow.feed(card.agentId, 'coaching.upserted', next);
    if (allDone && card.completedAt === null) {
      const entry = timelineEntryFor({ kind: 'coaching_completed', card: next, at: uow.now });
      // Each task done earns its points too; they land with the completion, never deducted by an untick.
      await recordAchievement(
        uow,
        { ...entry, points: entry.points + tasks.length * POINTS.coachingTaskDone },
        null,
      );
    }
    return { id: card.id };
  });
}

export async function replyCoaching(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof ReplyCoachingBody>,
  key: string,
): Promise<ActionAck> {
  const person = await me(ctx, principal);
  return runIdempotentAction(ctx, person.id, key, 'replyCoaching', body, async (uow) => {
    const card = await cardFor(uow, body.cardId, principal);
    const reply = {
      id: randomUUID(),
      authorId: person.id,
      authorName: person.name,
      text: body.text,
      at: uow.now,
    };
    const next = { ...card, replies: [...card.replies, reply] };
    await saveCard(uow.trx, next, uow.now);
    uow.feed(card.agentId, 'coaching.upserted', next);
    return { id: reply.id };
  });
}

/** Feeds an idea to everyone who sees it: its team (agents and supervisors), or its author when team-less. */
export async function feedIdea(uow: UnitOfWork, idea: Idea, authorId: string | null): Promise<void> {
  const audience = new Set(idea.teamId ? await teamMemberIds(uow.trx, idea.teamId) : []);
  if (authorId) audience.add(authorId);
  for (const personId of audience) uow.feed(personId, 'idea.upserted', idea);
}

export async function submitIdea(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof SubmitIdeaBody>,
  key: string,
): Promise<ActionAck> {
  const person = await me(ctx, principal);
  return runIdempotentAction(ctx, person.id, key, 'submitIdea', body, async (uow) => {
    const idea: Idea = {
      id: randomUUID(),
      teamId: person.teamIds[0] ?? null,
      authorId: body.anonymous ? null : person.id,
      anonymous: body.anonymous,
      title: body.title,
      body: body.body,
      status: 'new',
      response: null,
      createdAt: uow.now,
      updatedAt: uow.now,
    };
    await saveIdea(uow.trx, idea);
    await feedIdea(uow, idea, idea.authorId);
    // An anonymous idea's idempotency row names neither its author nor the idea (runIdempotent): no row links them.
    return { id: idea.id, anonymous: body.anonymous };
  });
}
