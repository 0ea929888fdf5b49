import type { Kudos } from '../../../shared/domain/people-model';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import type { UnitOfWork } from '../store/unit-of-work';
import { recordAchievement, recordAchievements } from './growth-updater';

/**
 * Delivers a stored kudos to its recipient: inbox entry, toast, timeline, growth points. Used by peers,
 * supervisors and customer ratings. `historical` (imports) skips the pop-up: old news is not a moment.
 */
export async function deliverKudos(
  uow: UnitOfWork,
  kudos: Kudos,
  opts: { historical?: boolean } = {},
): Promise<void> {
  uow.feed(kudos.toPersonId, 'kudos.upserted', kudos);
  const celebration = opts.historical
    ? null
    : celebrationFor({ kind: 'kudos', kudos }, uow.now, `kudos:${kudos.id}`);
  await recordAchievement(uow, timelineEntryFor({ kind: 'kudos_received', kudos }), celebration);
}

/**
 * `deliverKudos` for many new kudos at once (a team kudos, one per member): the same feed entries per person
 * in the same order, written with a few multi-row statements for the whole team.
 */
export async function deliverKudosMany(uow: UnitOfWork, kudos: readonly Kudos[]): Promise<void> {
  // The kudos share their sender, value and message: stored once (uow.feedMany), each row names its recipient.
  uow.feedMany(
    'kudos.upserted',
    kudos.map((k) => ({ personId: k.toPersonId, payload: k })),
  );
  await recordAchievements(
    uow,
    kudos.map((k) => ({
      entry: timelineEntryFor({ kind: 'kudos_received', kudos: k }),
      celebration: celebrationFor({ kind: 'kudos', kudos: k }, uow.now, `kudos:${k.id}`),
    })),
  );
}
