import type { Celebration, TimelineEntry, TimelineKind } from '../../../shared/domain/growth-model';

/**
 * Builders for timeline entries and celebrations. Ids are deterministic (`kind:refId`), so recording the same
 * achievement twice lands once. TODO(engine): switch to timelineEntryFor / celebrationFor when they land.
 */
export function timelineEntry(input: { kind: TimelineKind; agentId: string; at: string; refId: string; title: string; detail: string | null; points: number }): TimelineEntry {
  return { id: `${input.kind}:${input.refId}`, agentId: input.agentId, at: input.at, kind: input.kind, title: input.title, detail: input.detail, points: input.points, refId: input.refId };
}

export interface CelebrationInput {
  kind: Celebration['kind'];
  title: string;
  message: string;
  refId: string | null;
  /** For streak milestones: the milestone reached. */
  milestone?: number;
}

export function celebrate(input: CelebrationInput, now: string): Celebration | null {
  const size: Celebration['size'] =
    input.kind === 'kudos' ? 'toast' : input.kind === 'level_up' ? 'confetti' : input.kind === 'streak_milestone' && (input.milestone ?? 0) >= 10 ? 'confetti' : 'burst';
  return { id: `${input.kind}:${input.refId ?? now}`, kind: input.kind, size, title: input.title, message: input.message, at: now, refId: input.refId };
}
