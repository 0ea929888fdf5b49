import { z } from 'zod';
import {
  SUPERVISOR_PATHS,
  type AssignMissionBody,
  type CoachingCardBody,
  type MoveIdeaBody,
  type RecordMilestoneBody,
  type TeamKudosBody,
  TeamKudosReply,
} from '../api/actions';
import type { SyncClient } from './sync-client';

const MissionIds = z.object({ missionIds: z.array(z.string()) });
const CreatedId = z.object({ id: z.string() });

/** Fills `:name` segments, each URL-encoded, so an id can never add a path segment of its own. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** Supervisor calls go straight to the server (online only): they are not queued like the agent's own actions. */
export function createSupervisorCalls(client: () => SyncClient) {
  return {
    get<S extends z.ZodType>(template: string, params: Record<string, string>, schema: S) {
      return client().request('GET', fillPath(template, params), undefined, schema);
    },
    assignMission: (body: z.output<typeof AssignMissionBody>) =>
      client().request('POST', SUPERVISOR_PATHS.assignMission, body, MissionIds),
    writeCoachingCard: (body: z.output<typeof CoachingCardBody>) =>
      client().request('POST', SUPERVISOR_PATHS.writeCoachingCard, body, CreatedId),
    moveIdea: (ideaId: string, body: z.output<typeof MoveIdeaBody>) =>
      client().request('POST', fillPath(SUPERVISOR_PATHS.moveIdea, { ideaId }), body, CreatedId),
    recordMilestone: (personId: string, body: z.output<typeof RecordMilestoneBody>) =>
      client().request('POST', fillPath(SUPERVISOR_PATHS.recordMilestone, { personId }), body, CreatedId),
    teamKudos: (teamId: string, body: z.output<typeof TeamKudosBody>) =>
      client().request('POST', fillPath(SUPERVISOR_PATHS.teamKudos, { teamId }), body, TeamKudosReply),
  };
}
