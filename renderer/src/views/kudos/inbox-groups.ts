import type { Kudos } from '../../../../shared/domain/people-model';
import { localDate } from '../../format/time';

export type InboxGroup = { label: string; items: Kudos[] };

const DAY = 86_400_000;

/**
 * The inbox newest first, in groups a person scans by: Today, Yesterday, This week (the last 7 days) and
 * Earlier, by the calendar of the person's own zone. Empty groups are left out.
 */
export function groupInbox(inbox: readonly Kudos[], now: number, timeZone: string): InboxGroup[] {
  const today = localDate(new Date(now).toISOString(), timeZone);
  const yesterday = localDate(new Date(now - DAY).toISOString(), timeZone);
  const weekAgo = localDate(new Date(now - 6 * DAY).toISOString(), timeZone);
  const order = ['Today', 'Yesterday', 'This week', 'Earlier'];
  const groups = new Map<string, Kudos[]>();
  for (const k of newestFirst(inbox)) {
    const day = localDate(k.at, timeZone);
    const label =
      day >= today ? 'Today' : day === yesterday ? 'Yesterday' : day >= weekAgo ? 'This week' : 'Earlier';
    groups.set(label, [...(groups.get(label) ?? []), k]);
  }
  return order.filter((l) => groups.has(l)).map((label) => ({ label, items: groups.get(label)! }));
}

/** Newest first; the id breaks ties so the order never depends on how the list arrived. */
export const newestFirst = (inbox: readonly Kudos[]): Kudos[] =>
  [...inbox].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
