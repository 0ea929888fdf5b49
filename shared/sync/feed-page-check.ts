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

/** How a page of today's server ends when more follows: `…],"cursor":N,"hasMore":true}`. */
const MORE_AFTER = /"cursor":(\d+),"hasMore":true\}\s*$/;

/**
 * Where the next page starts, read off the end of a page's text before it is parsed (parsing a page of 5,000
 * entries takes milliseconds the server could already spend on the next one). Only a hint: the request it starts
 * is used only when the parsed and checked envelope names the same cursor, and dropped otherwise. Null when the
 * text does not end that way (the last page, or a server that orders or shapes its answer otherwise).
 */
export function peekNextCursor(text: string): number | null {
  const match = MORE_AFTER.exec(text.slice(-64));
  return match ? Number(match[1]) : null;
}
