import type { View } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/domain/people-model';

export const VIEW_LABELS: Record<View, string> = {
  today: 'Today',
  kudos: 'Kudos',
  timeline: 'Timeline',
  profile: 'Profile',
  coaching: 'Coaching',
  ideas: 'Ideas',
  team: 'Team',
  settings: 'Settings',
};

/** The views a person may open: the team view is for supervisors (and admins) only. */
export function viewsFor(role: Role): View[] {
  const all: View[] = ['today', 'kudos', 'timeline', 'profile', 'coaching', 'ideas', 'team', 'settings'];
  return role === 'agent' ? all.filter((v) => v !== 'team') : all;
}
