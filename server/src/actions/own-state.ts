import type { Snapshot } from '../../../shared/api/snapshot';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { conflict, forbidden } from '../core/errors';
import { loadPerson } from '../store/repos/people-repo';
import { feedHead, readFeedPageText } from '../store/repos/feed-repo';
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
 * The signed-in person's feed entries after `after`, at most `limit`, as the FeedPage's JSON text: the database
 * builds the entries' text from what is stored (readFeedPageText), since a catch-up page is thousands of entries.
 */
export async function ownFeedJson(
  ctx: AppContext,
  principal: Principal,
  after: number,
  limit: number,
): Promise<string> {
  await requirePerson(ctx, principal);
  const page = await readFeedPageText(ctx.store.db, ctx.store.dialect, principal.personId, after, limit);
  if (page.unknown > 0)
    throw new Error(`the feed of ${principal.personId} after ${after} has rows of an unknown type`);
  // Read after the page: entries committed since are "more" (the next page has them), never skipped.
  const head = await feedHead(ctx.store.db, principal.personId);
  // A cursor past the head (the store was restored, or failed over to a replica behind it): answering "nothing
  // new" would leave the client waiting for seqs that will be reused for other entries.
  if (page.count === 0 && after > head)
    throw conflict(
      `Your cursor ${after} is ahead of the server's feed, which ends at ${head}: load a fresh snapshot.`,
      LIVE_END.cursorAhead.error,
    );
  return `{"entries":[${page.text}],"cursor":${page.last},"hasMore":${page.last < head}}`;
}
