import type { StreakState } from '../../../../shared/domain/streak-model';
import { shortDate } from '../../format/time';

const OUTCOME_LABELS = {
  met: 'goal met',
  missed: 'missed',
  frozen: 'covered by a freeze',
  off: 'day off',
  pending: 'today, in progress',
} as const;

/** The streak: current run, longest ever, freezes left, the next milestone, and the last days as a strip. */
export function StreakCard({ streak }: { streak: StreakState }) {
  const toNext = streak.nextMilestone === null ? null : streak.nextMilestone - streak.current;
  return (
    <article className="card streak" aria-label="Your streak">
      <div className="streak-number" aria-hidden="true">
        {streak.current}
      </div>
      <div>
        <h3>
          {streak.current === 0
            ? 'Ready for a new streak'
            : `${streak.current === 1 ? '1 working day' : `${streak.current} working days`} in a row`}
          <span className="sr-only"> (streak)</span>
        </h3>
        <p className="meta">
          Longest: {streak.longest} ·{' '}
          {streak.freezesLeft === 1 ? '1 freeze left' : `${streak.freezesLeft} freezes left`}
          {toNext !== null &&
            streak.nextMilestone !== null &&
            (streak.current === 0
              ? ` · first milestone at ${streak.nextMilestone}`
              : ` · ${toNext} to go to ${streak.nextMilestone}`)}
        </p>
        <p className="meta">
          {streak.todayMet ? 'Today counts already.' : 'Days off, leave and sick days never break it.'}
        </p>
        {streak.recent.length > 0 && (
          <ol className="strip" aria-label="Recent days">
            {streak.recent.map((day) => (
              <li
                key={day.date}
                className={`day day-${day.outcome}`}
                title={`${shortDate(day.date)}: ${OUTCOME_LABELS[day.outcome]}`}
              >
                <span className="sr-only">
                  {shortDate(day.date)}: {OUTCOME_LABELS[day.outcome]}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </article>
  );
}
