import type { Kudos } from '../../../shared/domain/people-model';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import type { UnitOfWork } from '../store/unit-of-work';
import { recordAchievement } from './growth-updater';

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
