import type { PlanView } from '../../../../shared/domain/growth-plan-model';
import { GOAL_KINDS, checkInSentence, evidenceCount } from './plan-words';

/** The plan in the portfolio: goal, overall progress, next check-in, then each skill with its evidence. */
export function planLines(view: PlanView): string[] {
  const { plan, progress } = view;
  const checkIn = checkInSentence(plan.nextCheckIn, view.checkIn === 'none' ? 'none' : 'later');
  return [
    `Goal (${GOAL_KINDS[plan.goal.kind].toLowerCase()}): ${plan.goal.text}`,
    `Progress: ${evidenceCount(progress.met, progress.total)}`,
    ...(checkIn ? [checkIn] : []),
    ...progress.skills.flatMap((s) => [
      `${s.name}: ${evidenceCount(s.met, s.total)}`,
      ...s.evidence.map(
        (e) => `  ${e.met ? '[done]' : '[to do]'} ${e.label}${e.need > 1 ? ` (${e.have}/${e.need})` : ''}`,
      ),
    ]),
  ];
}
