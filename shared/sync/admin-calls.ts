import { z } from 'zod';
import {
  apiRoutes,
  fillPath,
  type RouteBodyInput,
  type RouteName,
  type RouteParams,
  type RouteReply,
} from '../api/routes';
import type { ImportQuery } from '../api/import';
import type { SyncClient } from './sync-client';
import { RawBody } from './server-api';

type AdminRoute =
  | 'listTeams'
  | 'createTeam'
  | 'updateTeam'
  | 'listPeople'
  | 'createPerson'
  | 'updatePerson'
  | 'mergePreview'
  | 'mergePerson'
  | 'personMetrics'
  | 'listTokens'
  | 'createToken'
  | 'revokeToken'
  | 'revokePairingCode'
  | 'listConnections'
  | 'checkNewConnection'
  | 'createConnection'
  | 'updateConnection'
  | 'checkConnection'
  | 'pauseConnection'
  | 'resumeConnection'
  | 'syncConnection'
  | 'deleteConnection'
  | 'importHistory';

/** `?a=1&b=2` from the defined fields of a query object (shared/ has no URLSearchParams: it runs everywhere). */
export function queryString(query: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A 204 has no body: any answer is accepted and nothing is returned. */
const NO_BODY = z.unknown().transform(() => undefined);

/**
 * The admin console's calls: straight to the server like the supervisor calls (online only, never queued), with
 * method, path and reply schema from the route table, so the console uses exactly the routes a script does.
 */
export function createAdminCalls(client: () => SyncClient) {
  const call = <N extends AdminRoute & RouteName>(
    name: N,
    params: RouteParams<N>,
    body: RouteBodyInput<N> | RawBody,
    query: Readonly<Record<string, string | undefined>> = {},
  ): Promise<RouteReply<N>> => {
    const route = apiRoutes[name];
    const path = fillPath(route.path, params as Readonly<Record<string, string>>) + queryString(query);
    return client().request(route.method, path, body, route.reply ?? NO_BODY) as Promise<RouteReply<N>>;
  };
  return {
    listTeams: () => call('listTeams', {}, undefined),
    createTeam: (body: RouteBodyInput<'createTeam'>) => call('createTeam', {}, body),
    updateTeam: (id: string, body: RouteBodyInput<'updateTeam'>) => call('updateTeam', { id }, body),
    listPeople: (query: { claimed?: 'true' | 'false'; handle?: string }) =>
      call('listPeople', {}, undefined, query),
    createPerson: (body: RouteBodyInput<'createPerson'>) => call('createPerson', {}, body),
    updatePerson: (id: string, body: RouteBodyInput<'updatePerson'>) => call('updatePerson', { id }, body),
    mergePreview: (id: string, into: string) => call('mergePreview', { id }, undefined, { into }),
    mergePerson: (id: string, intoPersonId: string) => call('mergePerson', { id }, { intoPersonId }),
    personMetrics: (id: string, from: string, to: string) =>
      call('personMetrics', { id }, undefined, { from, to }),
    listTokens: (id: string) => call('listTokens', { id }, undefined),
    createToken: (id: string, body: RouteBodyInput<'createToken'>) => call('createToken', { id }, body),
    revokeToken: (id: string) => call('revokeToken', { id }, undefined),
    revokePairingCode: (id: string) => call('revokePairingCode', { id }, undefined),
    listConnections: () => call('listConnections', {}, undefined),
    checkNewConnection: (body: RouteBodyInput<'checkNewConnection'>) => call('checkNewConnection', {}, body),
    createConnection: (body: RouteBodyInput<'createConnection'>) => call('createConnection', {}, body),
    updateConnection: (id: string, body: RouteBodyInput<'updateConnection'>) =>
      call('updateConnection', { id }, body),
    checkConnection: (id: string) => call('checkConnection', { id }, undefined),
    pauseConnection: (id: string) => call('pauseConnection', { id }, undefined),
    resumeConnection: (id: string) => call('resumeConnection', { id }, undefined),
    syncConnection: (id: string) => call('syncConnection', { id }, undefined),
    deleteConnection: (id: string) => call('deleteConnection', { id }, undefined),
    /** The file goes as the raw body (text/csv or application/x-ndjson), the mapping in the query. */
    importHistory: (query: ImportQuery, content: string, contentType: string) =>
      call('importHistory', {}, new RawBody(content, contentType), query),
  };
}
