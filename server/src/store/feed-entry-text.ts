import type { FeedEntry } from '../../../shared/api/feed';

/**
 * The JSON text of committed feed entries whose writer already built it from stored text (a team kudos' shared
 * fields are serialised once, not once per member), so a live push joins texts instead of serialising each
 * entry again. Keyed by the entry object; an entry without one is serialised as usual.
 */
const texts = new WeakMap<FeedEntry, string>();

export function rememberEntryText(entry: FeedEntry, text: string): void {
  texts.set(entry, text);
}

/** The entry as JSON: the remembered text, or JSON.stringify. */
export function feedEntryText(entry: FeedEntry): string {
  return texts.get(entry) ?? JSON.stringify(entry);
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
