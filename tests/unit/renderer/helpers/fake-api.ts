import { vi } from 'vitest';
import type { Snapshot } from '../../../../shared/api/snapshot';
import type { TeamCoaching, TeamOverview } from '../../../../shared/api/supervisor';
import type { TeamPlans } from '../../../../shared/api/growth-plans';
import type { Celebration } from '../../../../shared/domain/growth-model';
import type {
  ImpactSummary,
  ImprovementBoard,
  ToughDaySuggestions,
} from '../../../../shared/domain/recognition-model';
import type { TeamBriefing, WeeklyRecap } from '../../../../shared/domain/recap-model';
import {
  DEFAULT_SETTINGS,
  type ClientState,
  type HostCapabilities,
  type NavigateTarget,
  type PopupDigest,
  type Settings,
  type SidekickApi,
} from '../../../../shared/ipc/contract';
import { validatedApi } from '../../../../renderer/src/api/validated-api';

export type FakeOptions = {
  snapshot?: Snapshot | null;
  state?: Partial<ClientState>;
  settings?: Partial<Settings>;
  overview?: TeamOverview;
  /** The supervisor's side of coaching (getTeamCoaching); without it the call fails like a non-supervisor's. */
  coaching?: TeamCoaching;
  /** The plans the team shares with its supervisor (getTeamPlans); none by default. */
  plans?: TeamPlans;
  /** Recognition reads (getMyImpact, getImprovementBoard, getToughDays); without one the call fails as offline. */
  impact?: ImpactSummary;
  board?: ImprovementBoard;
  toughDays?: ToughDaySuggestions;
  /** The board opt-in as stored on the server (off by default). */
  boardOptIn?: boolean;
  /** The team's weekly briefing (getTeamBriefing); without it the call fails like a non-supervisor's. */
  briefing?: TeamBriefing;
  /** The agent's latest weekly recap (getWeeklyRecap); none by default. */
  recap?: WeeklyRecap;
  /** What the host says it can do (a browser tab by default: no start at login). */
  capabilities?: HostCapabilities;
  /** Replace any method, e.g. to make it fail or answer `queued: true` (the `raw` mock is then not called). */
  overrides?: Partial<SidekickApi>;
};

/**
 * A small fake `window.sidekick` built from a Snapshot: every method is a vi.fn with a believable answer,
 * `emit*` pushes events as the host would. It is wrapped in the renderer's validating wrapper, so a fixture
 * or an answer that breaks the contract fails the test.
 */
export function createFakeApi(options: FakeOptions = {}) {
  let state: ClientState = {
    connection: 'online',
    snapshot: options.snapshot === undefined ? null : options.snapshot,
    staleSince: null,
    pendingActions: 0,
    lastError: null,
    ...options.state,
  };
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const stateListeners = new Set<(s: ClientState) => void>();
  const celebrationListeners = new Set<(c: Celebration) => void>();
  const navigateListeners = new Set<(t: NavigateTarget) => void>();
  const digestListeners = new Set<(d: PopupDigest) => void>();
  let n = 0;
  let boardOptIn = options.boardOptIn ?? false;
  const answer = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The server cannot be reached right now.');
    return value;
  };
  const receipt = async (_request: unknown) => ({ key: `key-${++n}`, queued: false });
  const listen =
    <T>(set: Set<(v: T) => void>) =>
    (l: (v: T) => void) => {
      set.add(l);
      return () => void set.delete(l);
    };

  const raw = {
    getState: vi.fn(async () => state),
    signIn: vi.fn(async (_request: unknown) => state),
    pairDevice: vi.fn(async (_request: unknown) => state),
    signOut: vi.fn(async () => undefined),
    refresh: vi.fn(async () => state),
    sendKudos: vi.fn(receipt),
    thankKudos: vi.fn(receipt),
    markKudosRead: vi.fn(receipt),
    acceptOffer: vi.fn(receipt),
    updateProfile: vi.fn(receipt),
    tickTask: vi.fn(receipt),
    replyCoaching: vi.fn(receipt),
    submitIdea: vi.fn(receipt),
    answerConsultation: vi.fn(receipt),
    savePlan: vi.fn(receipt),
    getTeamPlans: vi.fn(async (_request: unknown) => options.plans ?? { plans: [], checkInsDue: [] }),
    recordCheckIn: vi.fn(async (_request: unknown) => ({ id: 'plan_check_in:1' })),
    getPersonPlan: vi.fn(async (_request: unknown) => {
      throw new Error('The growth plan was not found.');
    }),
    getTeamOverview: vi.fn(async (_request: unknown) => {
      if (!options.overview) throw new Error('You are not a supervisor of this team.');
      return options.overview;
    }),
    getTeamCoaching: vi.fn(async (_request: unknown) => {
      if (!options.coaching) throw new Error('You are not a supervisor of this team.');
      return options.coaching;
    }),
    getTeamBriefing: vi.fn(async (_request: unknown) => {
      if (!options.briefing) throw new Error('You are not a supervisor of this team.');
      return options.briefing;
    }),
    getWeeklyRecap: vi.fn(async () => ({ recap: options.recap ?? null })),
    assignMission: vi.fn(async (_request: unknown) => ({ missionIds: ['m-new'] })),
    writeCoachingCard: vi.fn(async (_request: unknown) => ({ id: 'c-new' })),
    moveIdea: vi.fn(async (_request: unknown) => ({ id: 'i-3' })),
    recordMilestone: vi.fn(async (_request: unknown) => ({ id: 'ms-1' })),
    createPairingCode: vi.fn(async (request: unknown) => ({
      code: 'K7MQ-3XWP',
      personId: (request as { personId: string }).personId,
      personName: 'Kofi Mensah',
      expiresAt: '2026-03-12T14:40:00Z',
    })),
    sendTeamKudos: vi.fn(async (_request: unknown) => ({ kudosIds: ['k-team-1', 'k-team-2'] })),
    askTeam: vi.fn(async (_request: unknown) => ({ id: 'q-new' })),
    decideConsultation: vi.fn(async (_request: unknown) => ({ id: 'q-macro' })),
    getRecognitionSettings: vi.fn(async () => ({ boardOptIn })),
    updateRecognitionSettings: vi.fn(async (request: { boardOptIn: boolean }) => {
      boardOptIn = request.boardOptIn;
      return { boardOptIn };
    }),
    getMyImpact: vi.fn(async () => answer(options.impact)),
    getImprovementBoard: vi.fn(async (_request: unknown) => answer(options.board)),
    getToughDays: vi.fn(async (_request: unknown) => answer(options.toughDays)),
    getSettings: vi.fn(async () => settings),
    updateSettings: vi.fn(async (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
      return settings;
    }),
    openExternal: vi.fn(async (_request: unknown) => undefined),
    saveFile: vi.fn(async (_request: unknown) => ({ saved: true })),
    closePopover: vi.fn(async () => undefined),
    getHostCapabilities: vi.fn(async () => options.capabilities ?? { startAtLogin: false }),
    onState: listen(stateListeners),
    onCelebration: listen(celebrationListeners),
    onNavigate: listen(navigateListeners),
    onDigest: listen(digestListeners),
  };
  const host = { ...raw, ...options.overrides };

  return {
    raw,
    api: validatedApi(host as unknown as SidekickApi),
    emitState(patch: Partial<ClientState>) {
      state = { ...state, ...patch };
      stateListeners.forEach((l) => l(state));
    },
    emitCelebration(c: Celebration) {
      celebrationListeners.forEach((l) => l(c));
    },
    emitNavigate(t: NavigateTarget) {
      navigateListeners.forEach((l) => l(t));
    },
    emitDigest(d: PopupDigest) {
      digestListeners.forEach((l) => l(d));
    },
  };
}
