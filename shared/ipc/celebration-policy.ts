import type { Celebration } from '../domain/growth-model';
import type { Settings } from './contract';

/**
 * Whether a celebration may be shown, honouring each opt-out: kudos are pop-ups (the appreciation is still in
 * the inbox); the weekly recap and briefing follow the "weekly recap" opt-out; everything else is a celebration, and streak or level moments also follow their own mechanic's
 * opt-out. One rule for the renderer's celebrations and the desktop's native notifications.
 */
export function celebrationAllowed(celebration: Celebration, settings: Settings): boolean {
  if (celebration.kind === 'kudos') return !settings.optOut.popups;
  // The recap and the briefing are notices, not celebrations: only their own opt-out silences them.
  if (celebration.kind === 'weekly_recap' || celebration.kind === 'team_briefing')
    return !settings.optOut.weeklyRecap;
  if (settings.optOut.celebrations) return false;
  if (celebration.kind === 'streak_milestone') return !settings.optOut.streaks;
  if (celebration.kind === 'level_up') return !settings.optOut.growthPoints;
  return true;
}
