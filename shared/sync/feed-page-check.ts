import { FeedEntry } from '../api/feed';
import { SyncRequestError } from './server-api';

/** The page's entries as FeedEntries; throws the client's `bad_response` error at the first one that is not. */
export function checkFeedEntries(entries: readonly unknown[]): FeedEntry[] {
  const out: FeedEntry[] = new Array<FeedEntry>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const parsed = FeedEntry.safeParse(entries[i]);
    if (!parsed.success)
      throw new SyncRequestError(
        `The server's feed page was not understood: entry ${i} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
        0,
        'bad_response',
      );
    out[i] = parsed.data;
  }
  return out;
}
