import { DateTime } from 'luxon';
import type { HelpdeskEvent } from './events';
import { dedupeEvents, inWindow } from './event-set';
import type { Kudos } from './people-model';
import type { IsoDate, TimeWindow } from './primitives';
import type { ToughDay, ToughDaySuggestion } from './recognition-model';
import { assertTimeZone, dayWindow, localDateOf, msOf } from './time';

/** Tough contacts handled to the end in one day that make it a tough day. */
export const TOUGH_DAY_MIN_CONTACTS = 3;
/** How far back the team view suggests tough days as reasons for kudos. */
export const TOUGH_DAY_LOOKBACK_DAYS = 14;

/**
 * The agent's tough days in the window, newest first. A tough contact is a ticket the agent solved that day
 * (handled to the end) whose customer was already unhappy — a dissatisfied rating on the ticket, for whomever,
 * before that solve — or that the helpdesk marked abusive at the agent's solve. A complaint that only comes
 * after the solve is a disappointed customer, not one the agent stayed with, so it does not count. A ticket counts once a day;
 * a day with at least `minContacts` of them is a tough day. Only ever a reason for kudos, never a penalty:
 * nothing here is counted against anyone.
 */
export function toughDays(input: {
  agentId: string;
  events: readonly HelpdeskEvent[];
  window: TimeWindow;
  timezone: string;
  minContacts?: number;
}): ToughDay[] {
  const tz = assertTimeZone(input.timezone);
  const min = input.minContacts ?? TOUGH_DAY_MIN_CONTACTS;
  const events = dedupeEvents(input.events);
  const complaints = new Map<string, number[]>();
  for (const e of events)
    if (e.type === 'csat_rated' && !e.satisfied)
      complaints.set(e.ticketId, [...(complaints.get(e.ticketId) ?? []), msOf(e.at)]);
  // date → ticket → why it was tough
  const days = new Map<IsoDate, Map<string, { unhappy: boolean; abusive: boolean }>>();
  for (const e of events) {
    if (e.type !== 'ticket_solved' || e.agentId !== input.agentId || !inWindow(e.at, input.window)) continue;
    const date = localDateOf(e.at, tz);
    const unhappy = (complaints.get(e.ticketId) ?? []).some((at) => at < msOf(e.at));
    const abusive = e.customerAbusive === true;
    if (!unhappy && !abusive) continue;
    const tickets = days.get(date) ?? new Map<string, { unhappy: boolean; abusive: boolean }>();
    const seen = tickets.get(e.ticketId) ?? { unhappy: false, abusive: false };
    tickets.set(e.ticketId, { unhappy: seen.unhappy || unhappy, abusive: seen.abusive || abusive });
    days.set(date, tickets);
  }
  return [...days.entries()]
    .filter(([, tickets]) => tickets.size >= min)
    .map(([date, tickets]) => ({
      date,
      contacts: tickets.size,
      unhappy: [...tickets.values()].filter((t) => t.unhappy).length,
      abusive: [...tickets.values()].filter((t) => t.abusive).length,
      ticketIds: [...tickets.keys()].sort(),
    }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** "Tuesday 10 March". */
const dayName = (date: IsoDate) => DateTime.fromISO(date, { locale: 'en-GB' }).toFormat('cccc d LLLL');

function why(day: ToughDay): string {
  const parts = [
    day.unhappy > 0 ? `${day.unhappy} unhappy` : null,
    day.abusive > 0 ? `${day.abusive} abusive` : null,
  ].filter((p) => p !== null);
  return parts.join(', ');
}

/**
 * Tough days as reasons for kudos, for the supervisor: each person's tough days that no "Tough customer" kudos
 * from a person (a supervisor or a peer; a customer's thanks is not the team noticing) has recognised yet — one
 * received at or after the day began — with a reason and a prefilled message. Newest first, then by name.
 */
export function toughDaySuggestions(input: {
  people: ReadonlyArray<{ personId: string; name: string; timezone: string }>;
  eventsByAgent: Readonly<Record<string, readonly HelpdeskEvent[]>>;
  kudos: ReadonlyArray<Pick<Kudos, 'kind' | 'toPersonId' | 'value' | 'at'>>;
  window: TimeWindow;
  minContacts?: number;
}): ToughDaySuggestion[] {
  const out: ToughDaySuggestion[] = [];
  for (const p of input.people) {
    const recognisedFrom = input.kudos
      .filter((k) => k.toPersonId === p.personId && k.value === 'Tough customer' && k.kind !== 'customer')
      .map((k) => msOf(k.at));
    const days = toughDays({
      agentId: p.personId,
      events: input.eventsByAgent[p.personId] ?? [],
      window: input.window,
      timezone: p.timezone,
      ...(input.minContacts !== undefined ? { minContacts: input.minContacts } : {}),
    });
    for (const day of days) {
      const start = msOf(dayWindow(day.date, p.timezone).from);
      if (recognisedFrom.some((at) => at >= start)) continue;
      const first = p.name.split(' ')[0] || p.name;
      out.push({
        ...day,
        personId: p.personId,
        name: p.name,
        reason: `${first} handled ${day.contacts} tough customers to the end on ${dayName(day.date)} (${why(day)}).`,
        kudos: {
          value: 'Tough customer',
          message: `Thank you for staying with ${day.contacts} tough customers to the end on ${dayName(day.date)} — that took patience, and it was noticed.`,
        },
      });
    }
  }
  return out.sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      a.name.localeCompare(b.name) ||
      (a.personId < b.personId ? -1 : 1),
  );
}
