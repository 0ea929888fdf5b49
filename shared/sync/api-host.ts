import type { z } from 'zod';
import type { FeedEntry } from '../api/feed';
import {
  invokeContract,
  Settings,
  type ClientState,
  type EventPayload,
  type InvokeName,
  type InvokeResponse,
  type Unsubscribe,
} from '../ipc/contract';
import type { SyncClient } from './sync-client';
import type { PlatformHooks, Session, SessionStore, SettingsStore } from './host-ports';
import { createListeners } from './listeners';
import { createSupervisorCalls } from './supervisor-calls';
import { createAdminCalls } from './admin-calls';
import { createRecognitionCalls } from './recognition-calls';
import type { HttpFetch, Logger } from './ports';
import { exchangePairingCode } from './pairing';

/** A handler receives the request as its schema outputs it (defaults filled in). */
type ParsedRequest<N extends InvokeName> = z.output<(typeof invokeContract)[N][0]>;
export type InvokeHandlers = { [N in InvokeName]: (request: ParsedRequest<N>) => Promise<InvokeResponse<N>> };

export interface ApiHostOptions {
  createClient(session: Session): SyncClient;
  sessions: SessionStore;
  settings: SettingsStore;
  platform: PlatformHooks;
  /** For the one call made before there is a session: exchanging a pairing code for a token. */
  http: HttpFetch;
  /**
   * Why a server address is refused on this platform (Electron refuses plain http off this machine), or null.
   * Checked before a pairing code is sent, so a code is never spent on a server the sign-in would refuse.
   */
  serverUrlProblem?: (serverUrl: string) => string | null;
  log?: Logger;
}

export interface ApiHost {
  /** Every invoke method of the contract, for callers that already parsed their input. */
  handlers: InvokeHandlers;
  /** Parses `raw` with the contract's request schema, then runs the handler (the IPC bridge calls this). */
  invoke<N extends InvokeName>(name: N, raw: unknown): Promise<InvokeResponse<N>>;
  /** Restores the saved session, if any, and starts syncing. */
  start(): Promise<void>;
  getState(): ClientState;
  getSettings(): Promise<Settings>;
  onState(listener: (state: ClientState) => void): Unsubscribe;
  onEntry(listener: (entry: FeedEntry) => void): Unsubscribe;
  onCelebration(listener: (celebration: EventPayload<'celebration'>) => void): Unsubscribe;
  onSettings(listener: (settings: Settings) => void): Unsubscribe;
  dispose(): void;
}

export const signedOutState = (lastError: string | null = null): ClientState => ({
  connection: 'signed_out',
  snapshot: null,
  staleSince: null,
  pendingActions: 0,
  lastError,
});

/**
 * The one implementation of the renderer's API on top of shared/sync: Electron's main process serves it over
 * IPC, the browser host calls it in the page. Platform specifics arrive as hooks and stores.
 */
export function createApiHost(options: ApiHostOptions): ApiHost {
  const log = options.log ?? (() => undefined);
  const stateListeners = createListeners<ClientState>(log);
  const entryListeners = createListeners<FeedEntry>(log);
  const celebrationListeners = createListeners<EventPayload<'celebration'>>(log);
  const settingsListeners = createListeners<Settings>(log);
  let client: SyncClient | null = null;
  let detach: Unsubscribe[] = [];
  let signedOut = signedOutState();

  const getState = () => client?.getState() ?? signedOut;
  const requireClient = () => {
    if (!client) throw new Error('Sign in first: this device is not connected to a Sidekick server.');
    return client;
  };

  async function attach(next: SyncClient) {
    client = next;
    detach = [
      next.subscribe((state) => stateListeners.emit(state)),
      next.onEntry((entry) => {
        entryListeners.emit(entry);
        // Every celebration goes to the renderer, whose one policy applies the opt-outs (kudos follow the
        // pop-ups opt-out, the rest the celebrations, streaks and growth-points opt-outs).
        if (entry.type === 'celebration') celebrationListeners.emit(entry.payload);
      }),
    ];
    await next.start();
  }

  function release() {
    for (const off of detach) off();
    detach = [];
    client = null;
  }

  const enqueue =
    <K extends Parameters<SyncClient['enqueue']>[0]['kind']>(kind: K) =>
    (body: Extract<Parameters<SyncClient['enqueue']>[0], { kind: K }>['body']) =>
      requireClient().enqueue({ kind, body } as Parameters<SyncClient['enqueue']>[0]);

  const supervisor = createSupervisorCalls(() => requireClient());
  const admin = createAdminCalls(() => requireClient());
  const recognition = createRecognitionCalls(() => requireClient());

  async function signIn(input: Session): Promise<ClientState> {
    const candidate = options.createClient(input);
    try {
      await candidate.verify();
    } catch (error) {
      candidate.stop();
      throw error;
    }
    if (client) {
      client.stop();
      release();
    }
    await options.sessions.save(input);
    signedOut = signedOutState();
    await attach(candidate);
    stateListeners.emit(getState());
    return getState();
  }

  const handlers: InvokeHandlers = {
    getState: async () => getState(),
    signIn,
    async pairDevice({ serverUrl, code }) {
      const problem = options.serverUrlProblem?.(serverUrl);
      if (problem) throw new Error(problem);
      const paired = await exchangePairingCode(options.http, serverUrl, code);
      return signIn({ serverUrl, token: paired.token });
    },
    async signOut() {
      const current = client;
      release();
      await current?.wipe();
      await options.sessions.clear();
      signedOut = signedOutState();
      stateListeners.emit(getState());
    },
    async refresh() {
      await client?.resync();
      return getState();
    },
    sendKudos: enqueue('sendKudos'),
    thankKudos: enqueue('thankKudos'),
    markKudosRead: enqueue('markKudosRead'),
    acceptOffer: enqueue('acceptOffer'),
    updateProfile: enqueue('updateProfile'),
    tickTask: enqueue('tickTask'),
    replyCoaching: enqueue('replyCoaching'),
    submitIdea: enqueue('submitIdea'),
    answerConsultation: enqueue('answerConsultation'),
    savePlan: enqueue('savePlan'),
    getPersonPlan: ({ personId }) => supervisor.personPlan(personId),
    getTeamPlans: ({ teamId }) => supervisor.teamPlans(teamId),
    recordCheckIn: ({ agentId, ...body }) => supervisor.recordCheckIn(agentId, body),
    getTeamOverview: ({ teamId }) => supervisor.teamOverview(teamId),
    getTeamCoaching: ({ teamId }) => supervisor.teamCoaching(teamId),
    getTeamBriefing: ({ teamId }) => supervisor.teamBriefing(teamId),
    getWeeklyRecap: () => supervisor.myRecap(),
    assignMission: (body) => supervisor.assignMission(body),
    writeCoachingCard: (body) => supervisor.writeCoachingCard(body),
    moveIdea: ({ ideaId, ...body }) => supervisor.moveIdea(ideaId, body),
    recordMilestone: ({ agentId, ...body }) => supervisor.recordMilestone(agentId, body),
    createPairingCode: ({ personId }) => supervisor.createPairingCode(personId),
    sendTeamKudos: async ({ teamId, ...body }) => ({
      kudosIds: (await supervisor.teamKudos(teamId, body)).kudosIds,
    }),
    askTeam: ({ teamId, ...body }) => supervisor.askTeam(teamId, body),
    decideConsultation: ({ consultationId, ...body }) => supervisor.decideConsultation(consultationId, body),
    adminListTeams: () => admin.listTeams(),
    adminCreateTeam: (body) => admin.createTeam(body),
    adminUpdateTeam: ({ id, change }) => admin.updateTeam(id, change),
    adminListPeople: (query) => admin.listPeople(query),
    adminCreatePerson: (body) => admin.createPerson(body),
    adminUpdatePerson: ({ id, change }) => admin.updatePerson(id, change),
    adminMergePreview: ({ id, into }) => admin.mergePreview(id, into),
    adminMergePerson: ({ id, into }) => admin.mergePerson(id, into),
    adminPersonMetrics: ({ id, window }) => admin.personMetrics(id, window.from, window.to),
    adminListTokens: ({ id }) => admin.listTokens(id),
    adminCreateToken: ({ id, token }) => admin.createToken(id, token),
    adminRevokeToken: ({ id }) => admin.revokeToken(id),
    adminRevokePairingCode: ({ id }) => admin.revokePairingCode(id),
    adminListConnections: () => admin.listConnections(),
    adminCheckNewConnection: (body) => admin.checkNewConnection(body),
    adminCreateConnection: (body) => admin.createConnection(body),
    adminUpdateConnection: ({ id, change }) => admin.updateConnection(id, change),
    adminCheckConnection: ({ id }) => admin.checkConnection(id),
    adminPauseConnection: ({ id }) => admin.pauseConnection(id),
    adminResumeConnection: ({ id }) => admin.resumeConnection(id),
    adminSyncConnection: ({ id }) => admin.syncConnection(id),
    adminDeleteConnection: ({ id }) => admin.deleteConnection(id),
    adminImportHistory: ({ query, fileName, content }) =>
      admin.importHistory(query, content, /\.csv$/i.test(fileName) ? 'text/csv' : 'application/x-ndjson'),
    getRecognitionSettings: () => recognition.settings(),
    updateRecognitionSettings: (body) => recognition.updateSettings(body),
    getMyImpact: () => recognition.impact(),
    getImprovementBoard: ({ teamId }) => recognition.board(teamId),
    getToughDays: ({ teamId }) => recognition.toughDays(teamId),
    getSettings: () => options.settings.load(),
    async updateSettings(patch) {
      const current = await options.settings.load();
      const next = Settings.parse({ ...current, ...patch });
      await options.settings.save(next);
      settingsListeners.emit(next);
      return next;
    },
    openExternal: (url) => options.platform.openExternal(url),
    saveFile: (input) => options.platform.saveFile(input),
    closePopover: () => options.platform.closePopover(),
    getHostCapabilities: async () => options.platform.capabilities,
  };

  return {
    handlers,
    async invoke(name, raw) {
      const [requestSchema] = invokeContract[name];
      const request = requestSchema.parse(raw);
      const handler = handlers[name] as (request: unknown) => Promise<InvokeResponse<typeof name>>;
      return handler(request);
    },
    async start() {
      const session = await options.sessions.load();
      if (session) await attach(options.createClient(session));
      stateListeners.emit(getState());
    },
    getState,
    getSettings: () => options.settings.load(),
    onState: stateListeners.add,
    onEntry: entryListeners.add,
    onCelebration: celebrationListeners.add,
    onSettings: settingsListeners.add,
    dispose() {
      client?.stop();
      release();
    },
  };
}
