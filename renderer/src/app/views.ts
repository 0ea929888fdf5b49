import type { View } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/domain/people-model';

export const VIEW_LABELS: Record<View, string> = {
  today: 'Today',
  kudos: 'Kudos',
  timeline: 'Timeline',
  profile: 'Profile',
  board: 'Board',
  coaching: 'Coaching',
  ideas: 'Ideas',
  team: 'Team',
  admin: 'Admin',
  settings: 'Settings',
};

/**
 * The views a person may open: the team view is for supervisors and admins, and comes first for them; the admin
 * console (the same admin routes a script calls) is for admins only, first of all.
 */
export function viewsFor(role: Role): View[] {
  const agent: View[] = ['today', 'kudos', 'timeline', 'profile', 'board', 'coaching', 'ideas', 'settings'];
  if (role === 'agent') return agent;
  if (role === 'supervisor') return ['team', ...agent];
  return ['admin', 'team', ...agent];
}

/** Where a person lands: an agent on their own day, a supervisor on their team, an admin in the console. */
export const homeViewFor = (role: Role): View =>
  role === 'agent' ? 'today' : role === 'supervisor' ? 'team' : 'admin';

/** How many views fit as tabs in a popover-wide bar; the rest go into "More". */
export const TABS_IN_NARROW_BAR = 3;
