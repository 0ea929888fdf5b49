import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../../shared/api/routes';
import type { MissionSpec } from '../../shared/domain/mission-model';
import { HttpFailure, request } from './api';

/**
 * The missions a supervisor would give a team this week: a count mission and an average mission with a
 * CSAT guardrail, so ingest has real progress and guardrails to recompute.
 */
export function weeklyMissions(now: Date): MissionSpec[] {
  const start = new Date(now.getTime() - 3 * 86_400_000).toISOString();
  const end = new Date(now.getTime() + 4 * 86_400_000).toISOString();
  return [
    {
      title: 'Solve 40 tickets this week',
      metric: 'solved',
      comparator: 'atLeast',
      target: 40,
      window: { start, end },
      minSample: 1,
      guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 80 }],
      reward: { points: 50 },
    },
    {
      title: 'First reply within 30 minutes on average',
      metric: 'frtAvgMinutes',
      comparator: 'atMost',
      target: 30,
      window: { start, end },
      minSample: 5,
      guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 90 }],
      reward: { points: 80 },
    },
  ];
}

/** Returns how many missions each member got; a server without the supervisor route (404) gets none, and the
 * benchmark's details say so rather than the run failing. */
export async function assignTeamMissions(
  baseUrl: string,
  supervisorToken: string,
  teamId: string,
  now: Date,
): Promise<number> {
  let assigned = 0;
  for (const spec of weeklyMissions(now)) {
    const reply = await request(baseUrl, 'POST', apiRoutes.assignMission.path, {
      token: supervisorToken,
      body: { agentIds: [], teamId, spec },
      headers: { 'idempotency-key': randomUUID() },
    });
    if (reply.status === 404) return assigned;
    if (reply.status >= 300)
      throw new HttpFailure(reply.status, reply.body, `POST ${apiRoutes.assignMission.path}`);
    assigned += 1;
  }
  return assigned;
}
