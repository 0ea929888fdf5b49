import type { FeedEntry, FeedEntryType } from '../../../shared/api/feed';
import { joinPayloadText } from './repos/feed-repo';

/**
 * A committed entry of a team message (uow.feedMany) that knows its own JSON text: the payload's text is the
 * member's own fields joined to the shared ones, serialised once for the whole team, so a live push joins texts
 * instead of serialising each member's entry again. Built only when a socket sends it (after the commit), and
 * kept in a private field: the entry is, to everything else (JSON, equality), a plain FeedEntry.
 */
export class TextedFeedEntry {
  #text: string | null = null;

  constructor(
    readonly seq: number,
    readonly personId: string,
    readonly at: string,
    readonly type: FeedEntryType,
    readonly payload: unknown,
    /** The member's own fields' JSON text and the shared fields' (feed_shared.body). */
    own: string,
    shared: string,
  ) {
    this.#own = own;
    this.#shared = shared;
  }

  #own: string;
  #shared: string;

  text(): string {
    this.#text ??= entryTextOf(
      this.seq,
      this.personId,
      this.at,
      this.type,
      joinPayloadText(this.#own, this.#shared),
    );
    return this.#text;
  }
}

/** The entry as JSON: the text a TextedFeedEntry builds, or JSON.stringify. */
export function feedEntryText(entry: FeedEntry): string {
  return entry instanceof TextedFeedEntry ? entry.text() : JSON.stringify(entry);
}

/** An entry's JSON text from its parts, the payload's text as it is (no parse, no serialisation). */
export function entryTextOf(
  seq: number,
  personId: string,
  at: string,
  type: string,
  payloadText: string,
): string {
  return `{"seq":${seq},"personId":${JSON.stringify(personId)},"at":${JSON.stringify(at)},"type":${JSON.stringify(type)},"payload":${payloadText}}`;
}
