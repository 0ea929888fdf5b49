import type { FeedEntry } from '../../../shared/api';
import type { NavigateTarget } from '../../../shared/ipc';

/** What a native notification says, and where clicking it leads. */
export interface NotificationContent {
  title: string;
  body: string;
  target: NavigateTarget;
}

/**
 * Which feed entries deserve a pop-up: a kudos the person just received (not the later "thanked" or "read"
 * updates of it) and celebrations. Kudos celebrations are skipped: the kudos itself already says more.
 */
export function notificationFor(entry: FeedEntry): NotificationContent | null {
  if (entry.type === 'kudos.upserted') {
    const k = entry.payload;
    if (k.toPersonId !== entry.personId || k.readAt !== null || k.thankedAt !== null) return null;
    const from = k.kind === 'customer' ? 'A customer' : k.fromName;
    const body = k.kind === 'customer' && k.customerQuote ? `“${k.customerQuote}”` : k.message;
    return {
      title: `${from} appreciated your ${k.value.toLowerCase()}`,
      body: truncate(body),
      target: { view: 'kudos', itemId: k.id },
    };
  }
  if (entry.type === 'celebration' && entry.payload.kind !== 'kudos') {
    const c = entry.payload;
    const view = c.kind === 'weekly_recap' ? 'today' : c.kind === 'team_briefing' ? 'team' : 'timeline';
    return { title: c.title, body: truncate(c.message), target: { view, itemId: c.refId ?? c.id } };
  }
  return null;
}

const truncate = (s: string) => (s.length > 180 ? `${s.slice(0, 177)}…` : s);
