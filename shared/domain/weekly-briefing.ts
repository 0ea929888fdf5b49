import type { CoachingCard, Idea, Kudos } from './people-model';
import { NOT_RECOGNISED_DAYS } from './people-model';
import type { StoredConsultation } from './consultation-model';
import type { IsoDate, IsoInstant } from './primitives';
import type { BriefingCheckIn, TeamBriefing } from './recap-model';
import type { CheckInStatus } from './growth-plan-model';
import { consultationPhase } from './consultations';
import { lastRecognised } from './kudos-rules';
import { inWindow } from './event-set';
import { daysBetween, localDateOf, msOf, weekWindowOf } from './time';
import { recappedWeek } from './weekly-recap';

export interface BriefingInput {
  teamId: string;
  teamName: string;
  /** The team's zone: the week, "today" and due dates are read in it. */
  timezone: string;
  /** The week that begins; the briefing is about the week before it. */
  forWeek: IsoDate;
  now: IsoInstant;
  /** The team's agents; who joined when, so someone new is not "forgotten" on their first day. */
  members: readonly { personId: string; name: string; joinedAt: IsoInstant | null }[];
  /** Kudos the members received (any range, any order, duplicates ok). */
  kudos: readonly Pick<Kudos, 'id' | 'toPersonId' | 'at'>[];
  ideas: readonly Idea[];
  consultations: readonly StoredConsultation[];
  /** Coaching cards written for the members. */
  cards: readonly CoachingCard[];
  /**
   * Check-ins of the members' shared plans, each already judged on the agent's own day (growth plans'
   * checkInsDue; a plan kept to "me" is never among them). Only overdue, due and soon ones are kept.
   */
  checkIns: readonly {
    agentId: string;
    name: string;
    goal: string;
    nextCheckIn: IsoDate;
    checkIn: CheckInStatus;
  }[];
  /** Names of idea authors (never looked up for an anonymous idea). */
  names: ReadonlyMap<string, string>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unique = <T, K>(items: readonly T[], key: (t: T) => K): T[] => [
  ...new Map(items.map((i) => [key(i), i])).values(),
];
/** Never recognised sorts before any date (and two of them compare equal, unlike -Infinity − -Infinity). */
const isReminder = (s: CheckInStatus): s is BriefingCheckIn['checkIn'] =>
  s === 'overdue' || s === 'due' || s === 'soon';
const lastMs = (at: IsoInstant | null) => (at === null ? -8.64e15 : msOf(at));
const days = (from: IsoInstant, to: IsoInstant) =>
  Math.max(0, Math.floor((msOf(to) - msOf(from)) / 86_400_000));

/**
 * The supervisor's weekly briefing, composed from facts. "Who to recognise" lists every member exactly once
 * (nobody forgotten): those not recognised for NOT_RECOGNISED_DAYS first, then the longest since their last
 * kudos. Ideas still "new" (nobody answered yet), consultations closed without a decision, check-ins due on
 * shared growth plans (one per member, the earliest date first), and coaching tasks past their due date on
 * cards still open, each oldest first. Inputs in any order, with duplicates,
 * give the same briefing.
 */
export function briefingOf(input: BriefingInput): TeamBriefing {
  const week = recappedWeek(input.forWeek);
  const window = weekWindowOf(week, input.timezone);
  const kudos = unique(input.kudos, (k) => k.id);
  const members = unique(input.members, (m) => m.personId);
  const memberIds = new Set(members.map((m) => m.personId));
  const recognise = members
    .map((m) => {
      const r = lastRecognised(m.personId, kudos, input.now, NOT_RECOGNISED_DAYS, m.joinedAt);
      return {
        personId: m.personId,
        name: m.name,
        lastRecognisedAt: r.lastRecognisedAt,
        daysSince: r.daysSince,
        notRecognised: r.notRecognised,
        kudosThisWeek: kudos.filter((k) => k.toPersonId === m.personId && inWindow(k.at, window)).length,
      };
    })
    .sort(
      (a, b) =>
        Number(b.notRecognised) - Number(a.notRecognised) ||
        lastMs(a.lastRecognisedAt) - lastMs(b.lastRecognisedAt) ||
        cmp(a.name, b.name) ||
        cmp(a.personId, b.personId),
    );
  const ideasWaiting = unique(input.ideas, (i) => i.id)
    .filter((i) => i.teamId === input.teamId && i.status === 'new' && msOf(i.createdAt) <= msOf(input.now))
    .sort((a, b) => msOf(a.createdAt) - msOf(b.createdAt) || cmp(a.id, b.id))
    .map((i) => ({
      id: i.id,
      title: i.title,
      authorName: i.anonymous || i.authorId === null ? null : (input.names.get(i.authorId) ?? null),
      createdAt: i.createdAt,
      daysWaiting: days(i.createdAt, input.now),
    }));
  const consultationsWaiting = unique(input.consultations, (c) => c.id)
    .filter((c) => c.teamId === input.teamId && consultationPhase(c, input.now) === 'awaiting_decision')
    .sort((a, b) => msOf(a.closesAt) - msOf(b.closesAt) || cmp(a.id, b.id))
    .map((c) => ({
      id: c.id,
      question: c.question,
      closesAt: c.closesAt,
      daysWaiting: days(c.closesAt, input.now),
    }));
  const today = localDateOf(input.now, input.timezone);
  const nameOf = new Map(members.map((m) => [m.personId, m.name]));
  const coachingOverdue = unique(input.cards, (c) => c.id)
    .filter((c) => memberIds.has(c.agentId) && c.completedAt === null)
    .flatMap((card) =>
      unique(card.tasks, (t) => t.id).flatMap((t) =>
        t.due !== null && t.doneAt === null && t.due < today
          ? [
              {
                agentId: card.agentId,
                agentName: nameOf.get(card.agentId) ?? '',
                cardId: card.id,
                taskId: t.id,
                text: t.text,
                due: t.due,
                daysOverdue: daysBetween(t.due, today),
              },
            ]
          : [],
      ),
    )
    .sort(
      (a, b) =>
        cmp(a.due, b.due) ||
        cmp(a.agentName, b.agentName) ||
        cmp(a.cardId, b.cardId) ||
        cmp(a.taskId, b.taskId),
    );
  // One plan per agent: if a plan is given twice, the earliest check-in is the one that counts.
  const checkInsDue = [...input.checkIns]
    .filter((c) => memberIds.has(c.agentId))
    .sort(
      (a, b) =>
        cmp(a.nextCheckIn, b.nextCheckIn) ||
        cmp(a.agentId, b.agentId) ||
        cmp(a.goal, b.goal) ||
        cmp(a.checkIn, b.checkIn),
    )
    .filter((c, i, all) => all.findIndex((o) => o.agentId === c.agentId) === i)
    .flatMap((c): BriefingCheckIn[] =>
      isReminder(c.checkIn)
        ? [
            {
              agentId: c.agentId,
              name: nameOf.get(c.agentId) ?? c.name,
              goal: c.goal,
              nextCheckIn: c.nextCheckIn,
              checkIn: c.checkIn,
            },
          ]
        : [],
    )
    .sort((a, b) => cmp(a.nextCheckIn, b.nextCheckIn) || cmp(a.name, b.name) || cmp(a.agentId, b.agentId));
  return {
    id: `briefing:${input.teamId}:${input.forWeek}`,
    teamId: input.teamId,
    teamName: input.teamName,
    timezone: input.timezone,
    weekStart: week,
    forWeek: input.forWeek,
    generatedAt: input.now,
    recognise,
    ideasWaiting,
    consultationsWaiting,
    checkInsDue,
    coachingOverdue,
  };
}
