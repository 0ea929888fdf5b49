import type { CheckInStatus, PlanCheckIn, PlanGoal } from '../../../../shared/domain/growth-plan-model';
import type { Visibility } from '../../../../shared/domain/people-model';
import { localDate, shortDate } from '../../format/time';

export const GOAL_KINDS: Record<PlanGoal['kind'], string> = {
  role_here: 'A role here',
  skill_elsewhere: 'A skill to take anywhere',
};

/** The 3 Ps' own words for who sees something, so the plan reads like the profile. */
export const PLAN_VISIBILITY: Record<Visibility, string> = {
  me: 'Only me',
  supervisor: 'Me and my supervisor',
  team: 'My team',
};

/** "Check-in Fri 13 Mar (in 2 days)", "Check-in overdue since …", or null when none is agreed. */
export function checkInSentence(date: string | null, status: CheckInStatus): string | null {
  if (date === null || status === 'none') return null;
  const day = shortDate(date);
  switch (status) {
    case 'overdue':
      return `Check-in overdue (was ${day})`;
    case 'due':
      return `Check-in today (${day})`;
    case 'soon':
      return `Check-in soon: ${day}`;
    case 'later':
      return `Next check-in: ${day}`;
  }
}

/** "2 of 5 pieces of evidence" — the plan's progress in words, never a bare percentage. */
export const evidenceCount = (met: number, total: number) =>
  total === 0 ? 'No evidence named yet' : `${met} of ${total} pieces of evidence`;

/** "Last check-in Wed 11 Mar with Maja: Agreed …", the date in the reader's zone. */
export function lastCheckInSentence(c: PlanCheckIn, timeZone: string): string {
  const day = shortDate(localDate(c.at, timeZone));
  const note = c.note.trim();
  return `Last check-in ${day} with ${c.byName}${note ? `: ${note}` : ''}`;
}
