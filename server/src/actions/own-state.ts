import type { Snapshot } from '../../../shared/api/snapshot';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { conflict, forbidden } from '../core/errors';
import { loadPerson } from '../store/repos/people-repo';
import { feedHead, readFeedJson } from '../store/repos/feed-repo';
import { LIVE_END } from '../../../shared/api/feed';
import { snapshotFor } from './snapshot';

/** Only people have their own state; the bootstrap admin (SIDEKICK_ADMIN_TOKEN) is not a stored person. */
async function requirePerson(ctx: AppContext, principal: Principal): Promise<void> {
  if (!(await loadPerson(ctx.store.db, principal.personId)))
    throw forbidden('The bootstrap admin has no personal state; create a person and a token.');
}

/** The signed-in person's snapshot and its cursor. */
export async function ownSnapshot(ctx: AppContext, principal: Principal): Promise<Snapshot> {
  await requirePerson(ctx, principal);
  return snapshotFor(ctx.store, principal.personId, ctx.clock());
}

/**
 * The signed-in person's feed entries after `after`, at most `limit`, as the FeedPage's JSON text: built from
 * the stored entries' text (readFeedJson), since a catch-up page is thousands of entries.
 */
export async function ownFeedJson(
  ctx: AppContext,
  principal: Principal,
  after: number,
  limit: number,
): Promise<string> {
  await requirePerson(ctx, principal);
  // One more than asked tells whether there is more without a count query.
  const entries = await readFeedJson(ctx.store.db, principal.personId, after, limit + 1);
  if (entries.length === 0 && after > 0) {
    // A cursor past the head (the store was restored, or failed over to a replica behind it): answering "nothing
    // new" would leave the client waiting for seqs that will be reused for other entries.
    const head = await feedHead(ctx.store.db, principal.personId);
    if (after > head)
      throw conflict(
        `Your cursor ${after} is ahead of the server's feed, which ends at ${head}: load a fresh snapshot.`,
        LIVE_END.cursorAhead.error,
      );
  }
  const page = entries.slice(0, limit);
  const cursor = page.at(-1)?.seq ?? after;
  return `{"entries":[${page.map((e) => e.json).join(',')}],"cursor":${cursor},"hasMore":${entries.length > limit}}`;
}
