import type { HelpdeskEvent } from './events';
import { eventKey } from './events';
import { fingerprint } from './ids';
import {
  NOT_RECOGNISED_DAYS,
  PEER_KUDOS_DAILY_CAP,
  type Kudos,
  type KudosValue,
  type Role,
} from './people-model';
import type { IsoInstant } from './primitives';
import { assertTimeZone, localDateOf, startOfDate, addDays, toInstant, msOf } from './time';

export interface PeerKudosQuota {
  sentToday: number;
  dailyCap: number;
  remaining: number;
  /** When the count starts over: the sender's next local midnight. */
  resetsAt: IsoInstant;
}

/** Peer kudos a sender has left today, counted per calendar day in the sender's own zone. */
export function peerKudosQuota(input: {
  sentAt: readonly IsoInstant[];
  now: IsoInstant;
  timezone: string;
  cap?: number;
}): PeerKudosQuota {
  const tz = assertTimeZone(input.timezone);
  const today = localDateOf(input.now, tz);
  const dailyCap = input.cap ?? PEER_KUDOS_DAILY_CAP;
  const sentToday = input.sentAt.filter((at) => localDateOf(at, tz) === today).length;
  return {
    sentToday,
    dailyCap,
    remaining: Math.max(0, dailyCap - sentToday),
    resetsAt: toInstant(startOfDate(addDays(today, 1), tz)),
  };
}

/** Agents send peer kudos, which are capped per day; supervisors and admins send supervisor kudos, which are not. */
export function kudosKindFor(role: Role): 'peer' | 'supervisor' {
  return role === 'agent' ? 'peer' : 'supervisor';
}

export interface KudosAllowance {
  capped: boolean;
  /** Kudos left today; null when uncapped. */
  remaining: number | null;
  /** What the kudos form says about it. */
  sentence: string;
}

/**
 * How many kudos a person may still give today, in words: "3 of 5 kudos left to give today." for an agent,
 * "uncapped" for a supervisor or an admin (their kudos are never counted against a cap).
 */
export function kudosAllowance(input: { role: Role; sentToday: number; dailyCap: number }): KudosAllowance {
  if (kudosKindFor(input.role) === 'supervisor')
    return {
      capped: false,
      remaining: null,
      sentence: 'Your kudos as a supervisor are uncapped: give as many as your team has earned.',
    };
  const remaining = Math.max(0, input.dailyCap - input.sentToday);
  return {
    capped: true,
    remaining,
    sentence:
      remaining === 0
        ? 'You have given all your kudos for today — thank you! More tomorrow.'
        : `${remaining} of ${input.dailyCap} kudos left to give today.`,
  };
}

/** Keyword rules, first match wins; the order puts the more specific praise before the general. */
const VALUE_RULES: Array<[KudosValue, RegExp]> = [
  ['Tough customer', /\b(frustrat\w*|angry|upset|difficult|stressful|nightmare|calm(ed)?|patien(t|ce))\b/],
  [
    'Ownership',
    /\b(follow(ed)?[ -]?up|went (above|the extra)|above and beyond|took care|made sure|kept me (updated|posted|informed)|ownership)\b/,
  ],
  [
    'Knowledge sharing',
    /\b(explain\w*|taught|teach\w*|showed me|walked me through|learn\w*|clear instructions)\b/,
  ],
  ['Speed', /\b(quick\w*|fast|prompt\w*|speedy|right away|immediately|in minutes|swift\w*)\b/],
  ['Creativity', /\b(creative|clever|workaround|out of the box|inventive)\b/],
  ['Quality', /\b(thorough\w*|accurate|detailed|professional\w*|precise)\b/],
  ['Teamwork', /\b(team\w*|colleagues?|together)\b/],
  ['Empathy', /\b(kind\w*|understand\w*|listen\w*|car(e|ed|ing)|friendly|empath\w*|warm)\b/],
];

export function kudosValueFromComment(comment: string): KudosValue {
  const text = comment.toLowerCase();
  return VALUE_RULES.find(([, re]) => re.test(text))?.[0] ?? 'Empathy';
}

/**
 * A satisfied rating with a comment becomes customer kudos quoting the customer. The default id is a
 * fingerprint of the rating's idempotency key, so a re-delivered rating maps to the same kudos.
 */
export function customerKudosFrom(
  event: HelpdeskEvent,
  to: { personId: string; name: string },
  opts: { id?: string; ticketUrl?: string | null } = {},
): Kudos | null {
  if (event.type !== 'csat_rated' || !event.satisfied) return null;
  const quote = event.comment?.trim();
  if (!quote) return null;
  const fromName = event.customerName?.trim() || 'A customer';
  return {
    id: opts.id ?? `customer-${fingerprint(eventKey(event))}`,
    kind: 'customer',
    fromPersonId: null,
    fromName,
    toPersonId: to.personId,
    toName: to.name,
    message: `${fromName} rated ticket ${event.ticketId} as satisfied and left a comment.`.slice(0, 1000),
    value: kudosValueFromComment(quote),
    ticketId: event.ticketId,
    ticketUrl: opts.ticketUrl ?? null,
    customerQuote: quote.slice(0, 4000),
    at: event.at,
    thankedAt: null,
    readAt: null,
  };
}

export interface Recognition {
  lastRecognisedAt: IsoInstant | null;
  /** True when no kudos arrived in the last `days` days (never recognised counts too). */
  notRecognised: boolean;
  daysSince: number | null;
}

/**
 * When a person was last recognised (any kudos kind, received up to `now`), and whether that is too long ago.
 * `joinedAt` (when they joined): someone who joined less than `days` ago cannot have gone `days` without
 * recognition, so they are not "not recognised" yet.
 */
export function lastRecognised(
  personId: string,
  kudos: ReadonlyArray<Pick<Kudos, 'toPersonId' | 'at'>>,
  now: IsoInstant,
  days = NOT_RECOGNISED_DAYS,
  joinedAt: IsoInstant | null = null,
): Recognition {
  const nowMs = msOf(now);
  let last: IsoInstant | null = null;
  for (const k of kudos) {
    if (k.toPersonId !== personId || msOf(k.at) > nowMs) continue;
    if (last === null || msOf(k.at) > msOf(last)) last = k.at;
  }
  const daysSince = last === null ? null : Math.floor((nowMs - msOf(last)) / 86_400_000);
  const tooLong = daysSince === null || daysSince >= days;
  const newer = joinedAt !== null && nowMs - msOf(joinedAt) < days * 86_400_000;
  return { lastRecognisedAt: last, notRecognised: tooLong && !newer, daysSince };
}

/** What a person's kudos says: the value shown, what was done, and optionally the ticket. */
export interface KudosNote {
  value: KudosValue;
  message: string;
  ticketId: string | null;
  ticketUrl: string | null;
}

/** A kudos from one person (a peer or a supervisor) to another, as stored and delivered; unread, not yet thanked. */
export function personKudos(input: {
  id: string;
  kind: 'peer' | 'supervisor';
  from: { id: string | null; name: string };
  to: { id: string; name: string };
  note: KudosNote;
  at: IsoInstant;
}): Kudos {
  const { note } = input;
  return {
    id: input.id,
    kind: input.kind,
    fromPersonId: input.from.id,
    fromName: input.from.name,
    toPersonId: input.to.id,
    toName: input.to.name,
    message: note.message,
    value: note.value,
    ticketId: note.ticketId,
    ticketUrl: note.ticketUrl,
    customerQuote: null,
    at: input.at,
    thankedAt: null,
    readAt: null,
  };
}
