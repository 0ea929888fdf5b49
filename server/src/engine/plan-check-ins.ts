import type { Kysely } from 'kysely';
import type { CheckInDue } from '../../../shared/api/growth-plans';
import { checkInsToRemind } from '../../../shared/domain/growth-plans';
import { localDateOf } from '../../../shared/domain/time';
import type { Database } from '../store/schema';
import { sharedPlansOfTeam } from '../store/repos/growth-plans-repo';

/**
 * The check-ins a team's supervisor should be reminded of at `now`: plans shared with the supervisor whose
 * next check-in is overdue, today or soon, each judged on the agent's own calendar day. Plans kept to "me"
 * are never read. Most urgent first. (Also for the supervisor's weekly briefing.)
 */
export async function checkInsDue(db: Kysely<Database>, teamId: string, now: Date): Promise<CheckInDue[]> {
  const at = now.toISOString();
  const rows = (await sharedPlansOfTeam(db, teamId)).map((r) => ({
    agentId: r.plan.agentId,
    name: r.name,
    goal: r.plan.goal.text,
    nextCheckIn: r.plan.nextCheckIn,
    timezone: r.timezone,
  }));
  return checkInsToRemind(rows, (r) => localDateOf(at, r.timezone)).flatMap((r) =>
    r.nextCheckIn === null
      ? []
      : [{ agentId: r.agentId, name: r.name, goal: r.goal, nextCheckIn: r.nextCheckIn, checkIn: r.checkIn }],
  );
}
