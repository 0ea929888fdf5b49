import {
  apiRoutes,
  fillPath,
  type RouteBodyInput,
  type RouteName,
  type RouteParams,
  type RouteReply,
} from '../api/routes';
import type { SyncClient } from './sync-client';

type SupervisorRoute =
  | 'teamOverview'
  | 'teamCoaching'
  | 'teamBriefing'
  | 'myRecap'
  | 'assignMission'
  | 'writeCoachingCard'
  | 'moveIdea'
  | 'recordMilestone'
  | 'createPairingCode'
  | 'teamKudos'
  | 'askTeam'
  | 'decideConsultation'
  | 'teamPlans'
  | 'personPlan'
  | 'recordCheckIn';

/**
 * Supervisor calls go straight to the server (online only): they are not queued like the agent's own actions.
 * Method, path and reply schema come from the route table.
 */
export function createSupervisorCalls(client: () => SyncClient) {
  const call = <N extends SupervisorRoute & RouteName>(
    name: N,
    params: RouteParams<N>,
    body: RouteBodyInput<N>,
  ): Promise<RouteReply<N>> => {
    const route = apiRoutes[name];
    const path = fillPath(route.path, params as Readonly<Record<string, string>>);
    return client().request(route.method, path, body, route.reply) as Promise<RouteReply<N>>;
  };
  return {
    teamOverview: (teamId: string) => call('teamOverview', { teamId }, undefined),
    teamCoaching: (teamId: string) => call('teamCoaching', { teamId }, undefined),
    teamBriefing: (teamId: string) => call('teamBriefing', { teamId }, undefined),
    // Not a supervisor's, but read the same way: online only, straight from the server.
    myRecap: () => call('myRecap', {}, undefined),
    assignMission: (body: RouteBodyInput<'assignMission'>) => call('assignMission', {}, body),
    writeCoachingCard: (body: RouteBodyInput<'writeCoachingCard'>) => call('writeCoachingCard', {}, body),
    moveIdea: (ideaId: string, body: RouteBodyInput<'moveIdea'>) => call('moveIdea', { ideaId }, body),
    recordMilestone: (personId: string, body: RouteBodyInput<'recordMilestone'>) =>
      call('recordMilestone', { personId }, body),
    createPairingCode: (personId: string) => call('createPairingCode', { personId }, undefined),
    teamKudos: (teamId: string, body: RouteBodyInput<'teamKudos'>) => call('teamKudos', { teamId }, body),
    askTeam: (teamId: string, body: RouteBodyInput<'askTeam'>) => call('askTeam', { teamId }, body),
    decideConsultation: (consultationId: string, body: RouteBodyInput<'decideConsultation'>) =>
      call('decideConsultation', { consultationId }, body),
    teamPlans: (teamId: string) => call('teamPlans', { teamId }, undefined),
    /** A teammate's or an agent's plan, when its owner shares it with the caller (online only, like these). */
    personPlan: (personId: string) => call('personPlan', { id: personId }, undefined),
    recordCheckIn: (personId: string, body: RouteBodyInput<'recordCheckIn'>) =>
      call('recordCheckIn', { personId }, body),
  };
}
