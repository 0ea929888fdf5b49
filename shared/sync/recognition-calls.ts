import { apiRoutes, fillPath, type RouteBodyInput, type RouteName, type RouteReply } from '../api/routes';
import type { SyncClient } from './sync-client';

type RecognitionRoute =
  'recognitionSettings' | 'updateRecognitionSettings' | 'myImpact' | 'improvementBoard' | 'toughDays';

/**
 * Recognition reads and the board opt-in go straight to the server (online only, never queued): the opt-in is
 * a choice about privacy, so the person sees it stored — or a sentence saying why not — rather than "queued".
 * Method, path and reply schema come from the route table.
 */
export function createRecognitionCalls(client: () => SyncClient) {
  const call = <N extends RecognitionRoute & RouteName>(
    name: N,
    params: Readonly<Record<string, string>>,
    body: RouteBodyInput<N>,
  ): Promise<RouteReply<N>> => {
    const route = apiRoutes[name];
    return client().request(route.method, fillPath(route.path, params), body, route.reply) as Promise<
      RouteReply<N>
    >;
  };
  return {
    settings: () => call('recognitionSettings', {}, undefined),
    updateSettings: (body: RouteBodyInput<'updateRecognitionSettings'>) =>
      call('updateRecognitionSettings', {}, body),
    impact: () => call('myImpact', {}, undefined),
    board: (teamId: string) => call('improvementBoard', { teamId }, undefined),
    toughDays: (teamId: string) => call('toughDays', { teamId }, undefined),
  };
}
