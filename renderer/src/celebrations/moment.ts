import type { Celebration } from '../../../shared/domain/growth-model';
import type { Kudos } from '../../../shared/domain/people-model';
import type { NavigateTarget, PopupDigest } from '../../../shared/ipc/contract';

/** A customer's thank-you is its own moment; a digest sums up what the budget held. */
export type MomentKind = Celebration['kind'] | 'thanks' | 'digest';

/** What one celebration card shows, and where "Open" leads. */
export interface Moment {
  id: string;
  kind: MomentKind;
  size: Celebration['size'];
  /** A small label above the title: what kind of moment this is. */
  eyebrow: string;
  title: string;
  message: string;
  /** A customer's own words, shown as a quote. */
  quote: string | null;
  /** The number of the moment, shown large: "+40" points, a 25-day streak. */
  highlight: { value: string; unit: string } | null;
  target: NavigateTarget;
}

const EYEBROWS: Record<MomentKind, string> = {
  kudos: 'Kudos',
  thanks: 'A customer’s thank-you',
  mission_completed: 'Mission',
  streak_milestone: 'Streak',
  personal_best: 'Your best week',
  level_up: 'Growth',
  digest: 'Saved for you',
  weekly_recap: 'Weekly recap',
  team_briefing: 'Weekly briefing',
};

const TARGETS: Record<Celebration['kind'], NavigateTarget['view']> = {
  kudos: 'kudos',
  mission_completed: 'today',
  streak_milestone: 'today',
  personal_best: 'timeline',
  level_up: 'timeline',
  weekly_recap: 'today',
  team_briefing: 'team',
};

// The engine writes "<mission> (+40 points)"; the points become the card's big number.
const POINTS = /\s*\(\+(\d+) points\)$/;
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * A celebration as a card: kudos open at themselves in the inbox; a kudos from a customer (known from the
 * inbox, when it is already there) is a thank-you with their words; a mission shows its points; a streak
 * milestone its number of days.
 */
export function momentOf(celebration: Celebration, kudosById: (id: string) => Kudos | undefined): Moment {
  const base: Moment = {
    id: celebration.id,
    kind: celebration.kind,
    size: celebration.size,
    eyebrow: EYEBROWS[celebration.kind],
    title: celebration.title,
    message: celebration.message,
    quote: null,
    highlight: null,
    target: {
      view: TARGETS[celebration.kind],
      itemId:
        celebration.kind === 'kudos' || celebration.kind === 'mission_completed' ? celebration.refId : null,
    },
  };
  switch (celebration.kind) {
    case 'kudos': {
      const kudos = celebration.refId ? kudosById(celebration.refId) : undefined;
      if (kudos?.kind !== 'customer' || !kudos.customerQuote) return base;
      return {
        ...base,
        kind: 'thanks',
        eyebrow: EYEBROWS.thanks,
        title: `A customer thanked you for your ${kudos.value.toLowerCase()}`,
        message: '',
        quote: clip(kudos.customerQuote, 220),
      };
    }
    case 'mission_completed': {
      const points = POINTS.exec(celebration.message);
      if (!points) return base;
      return {
        ...base,
        message: celebration.message.replace(POINTS, ''),
        highlight: { value: `+${points[1]}`, unit: 'points' },
      };
    }
    case 'streak_milestone': {
      const days = Number(celebration.refId);
      return Number.isInteger(days) && days > 0
        ? { ...base, highlight: { value: String(days), unit: 'days' } }
        : base;
    }
    default:
      return base;
  }
}

export function momentOfDigest(digest: PopupDigest): Moment {
  return {
    id: digest.id,
    kind: 'digest',
    size: 'toast',
    eyebrow: EYEBROWS.digest,
    title: digest.title,
    message: digest.body,
    quote: null,
    highlight: null,
    target: digest.target,
  };
}
