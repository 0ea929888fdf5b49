import type { CareerMilestone, PersonalBest, TimelineEntry } from './growth-model';
import type { Mission } from './mission-model';
import type { CoachingCard, Idea, Kudos } from './people-model';
import type { IsoDate, IsoInstant } from './primitives';
import { POINTS, pointsForStreakMilestone } from './growth';
import { stableId } from './ids';
import { formatMetric, metricLabel } from './mission-text';

/** Everything that lands on the growth timeline, with what the entry is built from. */
export type TimelineSource =
  | { kind: 'mission_completed'; mission: Mission; at: IsoInstant }
  | { kind: 'kudos_received'; kudos: Kudos }
  /** `date`: the day the streak reached the milestone (StreakMilestone); it makes the entry's id, so a recompute on another day records nothing new. */
  | { kind: 'streak_milestone'; agentId: string; milestone: number; at: IsoInstant; date?: IsoDate }
  | { kind: 'streak_record'; agentId: string; longest: number; at: IsoInstant }
  | { kind: 'personal_best'; agentId: string; best: PersonalBest; at: IsoInstant }
  | { kind: 'coaching_completed'; card: CoachingCard; at: IsoInstant }
  | { kind: 'idea_adopted'; agentId: string; idea: Idea; at: IsoInstant }
  | { kind: 'career_milestone'; agentId: string; milestoneId: string; milestone: CareerMilestone }
  | { kind: 'level_up'; agentId: string; level: number; levelName: string; at: IsoInstant }
  /**
   * A piece of evidence on the agent's growth plan is met. No points: the mission, card or kudos behind it
   * earned them already. `key` (evidenceKey) makes the id, so a re-read of the plan records nothing new.
   */
  | {
      kind: 'plan_progress';
      agentId: string;
      skill: string;
      key: string;
      label: string;
      goal: string;
      met: number;
      total: number;
      at: IsoInstant;
    }
  /** The supervisor recorded a check-in on the plan (once per check-in: `at` makes the id). */
  | { kind: 'plan_check_in'; agentId: string; byName: string; note: string; goal: string; at: IsoInstant };

/** Builds a timeline entry; the id is derived from the source, so recording it twice is idempotent. */
export function timelineEntryFor(source: TimelineSource): TimelineEntry {
  const entry = (
    agentId: string,
    at: IsoInstant,
    refId: string,
    title: string,
    detail: string | null,
    points: number,
  ): TimelineEntry => ({
    id: stableId(source.kind, refId),
    agentId,
    at,
    kind: source.kind,
    title,
    detail,
    points,
    refId,
  });
  switch (source.kind) {
    case 'mission_completed': {
      const m = source.mission;
      return entry(m.agentId, source.at, m.id, `Mission completed: ${m.title}`, null, m.reward.points);
    }
    case 'kudos_received': {
      const k = source.kudos;
      const detail = k.customerQuote ? `“${k.customerQuote}”` : k.message || null;
      const points = k.kind === 'customer' ? POINTS.customerKudosReceived : POINTS.kudosReceived;
      return entry(k.toPersonId, k.at, k.id, `${k.value} — kudos from ${k.fromName}`, detail, points);
    }
    case 'streak_milestone':
      return entry(
        source.agentId,
        source.at,
        `${source.milestone}@${source.date ?? source.at}`,
        `${source.milestone}-day streak`,
        'Scheduled days in a row with the daily goal met.',
        pointsForStreakMilestone(source.milestone),
      );
    case 'streak_record':
      return entry(
        source.agentId,
        source.at,
        `${source.longest}`,
        `New longest streak: ${source.longest} days`,
        null,
        POINTS.streakRecord,
      );
    case 'personal_best': {
      const b = source.best;
      const prev = b.previous === null ? null : `Previous best: ${formatMetric(b.metric, b.previous)}.`;
      return entry(
        source.agentId,
        source.at,
        `${b.metric}:${b.weekStart}`,
        `Personal best: ${metricLabel(b.metric)} ${formatMetric(b.metric, b.value)} (week of ${b.weekStart})`,
        prev,
        POINTS.personalBest,
      );
    }
    case 'coaching_completed': {
      const c = source.card;
      return entry(
        c.agentId,
        source.at,
        c.id,
        `Coaching completed: ${metricLabel(c.focusMetric)}`,
        `With ${c.authorName}`,
        POINTS.coachingCompleted,
      );
    }
    case 'idea_adopted':
      return entry(
        source.agentId,
        source.at,
        source.idea.id,
        `Idea adopted: ${source.idea.title}`,
        source.idea.response,
        POINTS.ideaAdopted,
      );
    case 'career_milestone': {
      const m = source.milestone;
      return entry(source.agentId, m.at, source.milestoneId, m.title, m.detail, POINTS.careerMilestone);
    }
    case 'level_up':
      return entry(
        source.agentId,
        source.at,
        `${source.level}`,
        `Level ${source.level}: ${source.levelName}`,
        null,
        POINTS.levelUp,
      );
    case 'plan_progress':
      return entry(
        source.agentId,
        source.at,
        `${source.skill.trim().toLowerCase()}|${source.key}`,
        `Growth plan: ${source.skill} — ${source.met} of ${source.total}`,
        `${source.label}, towards “${source.goal}”`,
        0,
      );
    case 'plan_check_in':
      return entry(
        source.agentId,
        source.at,
        source.at,
        `Growth plan check-in with ${source.byName}`,
        source.note.trim() || `Towards “${source.goal}”`,
        0,
      );
  }
}
