import type { RecognitionSettings } from '../../../shared/domain/recognition-model';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden } from '../core/errors';
import { loadPerson, type PersonFull } from '../store/repos/people-repo';
import { boardOptInOf, saveBoardOptIn } from '../store/repos/recognition-repo';

/** Recognition is about people: the bootstrap admin (SIDEKICK_ADMIN_TOKEN) is not a stored person. */
export async function requireStoredPerson(ctx: AppContext, principal: Principal): Promise<PersonFull> {
  const person = await loadPerson(ctx.store.db, principal.personId);
  if (!person)
    throw forbidden('The bootstrap admin has no recognition of its own; create a person and a token.');
  return person;
}

/** The signed-in person's recognition choices. */
export async function recognitionSettings(
  ctx: AppContext,
  principal: Principal,
): Promise<RecognitionSettings> {
  const person = await requireStoredPerson(ctx, principal);
  return { boardOptIn: await boardOptInOf(ctx.store.db, person.id) };
}

/**
 * Opting in to (or out of) the most-improved board, answered after the choice is stored. Setting the same value
 * twice is the same as once, so a retry needs no idempotency key. Opting out takes the person off every board
 * from the next read on: nothing about them is kept for it.
 */
export async function updateRecognitionSettings(
  ctx: AppContext,
  principal: Principal,
  body: RecognitionSettings,
): Promise<RecognitionSettings> {
  const person = await requireStoredPerson(ctx, principal);
  await saveBoardOptIn(ctx.store.db, person.id, body.boardOptIn, ctx.clock().toISOString());
  return { boardOptIn: await boardOptInOf(ctx.store.db, person.id) };
}
