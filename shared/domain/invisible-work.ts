import type { HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import type { Kudos, KudosValue } from './people-model';
import { NOT_RECOGNISED_DAYS } from './people-model';
import type { IsoInstant } from './primitives';
import { lastRecognised, type Recognition } from './kudos-rules';
import { msOf } from './time';

/** Work that rarely shows up in metrics but deserves a thank-you; `reason` is shown to the supervisor. */
export interface Suggestion {
  kind: 'tough_ticket_turned_around' | 'qa_highlight' | 'helped_peers';
  reason: string;
  ticketId: string | null;
  value: KudosValue;
  at: IsoInstant;
}

export const QA_HIGHLIGHT_SCORE = 90;
export const HELPED_PEERS_MIN_NOTES = 3;

/**
 * Invisible work in the given events since `since`: tickets turned around (a not-satisfied rating later
 * satisfied with this agent), QA scores of 90 or more, and internal notes left on teammates' tickets.
 * The caller passes the agent's events plus the assignments/solves of tickets they left notes on.
 */
export function invisibleWork(input: {
  agentId: string;
  events: readonly HelpdeskEvent[];
  since?: IsoInstant;
}): Suggestion[] {
  const { agentId } = input;
  const sinceMs = input.since ? msOf(input.since) : -Infinity;
  const events = dedupeEvents(input.events);
  const out: Suggestion[] = [];

  const unhappy = new Set<string>();
  const turned = new Set<string>();
  for (const e of events) {
    // An unhappy customer counts whoever they were unhappy with; the turnaround is credited to this agent.
    if (e.type !== 'csat_rated') continue;
    if (!e.satisfied) unhappy.add(e.ticketId);
    else if (
      e.agentId === agentId &&
      unhappy.has(e.ticketId) &&
      !turned.has(e.ticketId) &&
      msOf(e.at) >= sinceMs
    ) {
      turned.add(e.ticketId);
      out.push({
        kind: 'tough_ticket_turned_around',
        reason: `Turned ticket ${e.ticketId} around: the customer went from unhappy to satisfied`,
        ticketId: e.ticketId,
        value: 'Tough customer',
        at: e.at,
      });
    }
  }

  for (const e of events) {
    if (
      e.type === 'qa_scored' &&
      e.agentId === agentId &&
      e.score >= QA_HIGHLIGHT_SCORE &&
      msOf(e.at) >= sinceMs
    ) {
      out.push({
        kind: 'qa_highlight',
        reason: `Scored ${e.score} in QA on ticket ${e.ticketId}`,
        ticketId: e.ticketId,
        value: 'Quality',
        at: e.at,
      });
    }
  }

  // A ticket belongs to whoever was last assigned it, else whoever last solved it.
  const owner = new Map<string, { assigned?: string; solved?: string }>();
  for (const e of events) {
    const o = owner.get(e.ticketId) ?? {};
    if (e.type === 'ticket_assigned') o.assigned = e.agentId;
    if (e.type === 'ticket_solved') o.solved = e.agentId;
    owner.set(e.ticketId, o);
  }
  const notes = events.filter(
    (e) => e.type === 'agent_replied' && !e.public && e.agentId === agentId && msOf(e.at) >= sinceMs,
  );
  const onPeers = notes.filter((e) => {
    const o = owner.get(e.ticketId);
    const who = o?.assigned ?? o?.solved;
    return who !== undefined && who !== agentId;
  });
  if (onPeers.length >= HELPED_PEERS_MIN_NOTES) {
    const tickets = new Set(onPeers.map((e) => e.ticketId));
    out.push({
      kind: 'helped_peers',
      reason: `Left ${onPeers.length} internal notes helping teammates on ${tickets.size} tickets`,
      ticketId: null,
      value: 'Teamwork',
      at: onPeers.at(-1)!.at,
    });
  }
  return out;
}

export interface ForgottenPerson extends Recognition {
  personId: string;
  name: string;
  suggestions: Suggestion[];
}

/** "Nobody forgotten": people not recognised in `days` days, each with suggestions from their invisible work. */
export function nobodyForgotten(input: {
  /** `joinedAt`: when they joined (someone newer than the window is not forgotten). */
  people: ReadonlyArray<{ personId: string; name: string; joinedAt?: IsoInstant | null }>;
  kudos: ReadonlyArray<Pick<Kudos, 'toPersonId' | 'at'>>;
  eventsByAgent: Readonly<Record<string, readonly HelpdeskEvent[]>>;
  now: IsoInstant;
  days?: number;
}): ForgottenPerson[] {
  const days = input.days ?? NOT_RECOGNISED_DAYS;
  const since = new Date(msOf(input.now) - days * 86_400_000).toISOString();
  return input.people.flatMap((p) => {
    const r = lastRecognised(p.personId, input.kudos, input.now, days, p.joinedAt ?? null);
    if (!r.notRecognised) return [];
    return [
      {
        ...p,
        ...r,
        suggestions: invisibleWork({
          agentId: p.personId,
          events: input.eventsByAgent[p.personId] ?? [],
          since,
        }),
      },
    ];
  });
}
