import type { Snapshot } from '../../../../shared/api/snapshot';
import type { TimelineKind } from '../../../../shared/domain/growth-model';
import { levelFor, levelSummary } from '../../../../shared/domain/growth';
import { personalBestPhrase } from '../../../../shared/domain/personal-bests';
import type { Settings } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { KnownFor } from '../../components/KnownFor';
import { Section } from '../../components/Section';
import { METRIC_LABELS } from '../../format/metrics';
import { dateTime, shortDate } from '../../format/time';
import { ExportButtons } from './ExportButtons';
import { groupByWeek } from './group-by-week';
import { Trends } from './Trends';

// Plain symbols that common system fonts carry (no colour-emoji font is needed to see them).
const KIND_ICONS: Record<TimelineKind, string> = {
  mission_completed: '✓',
  kudos_received: '♥',
  streak_milestone: '✦',
  streak_record: '✦',
  personal_best: '★',
  coaching_completed: '✎',
  idea_adopted: '☼',
  career_milestone: '◆',
  plan_progress: '↗',
  plan_check_in: '☑',
  level_up: '↑',
};

/** The growth portfolio: level, personal bests, weekly trends, and every entry grouped by week. */
export function TimelineView({ snapshot, settings }: { snapshot: Snapshot; settings: Settings }) {
  const { growth } = snapshot;
  const weeks = groupByWeek(snapshot.timeline, snapshot.person.timezone);
  const showPoints = !settings.optOut.growthPoints;
  // From the points alone (the domain's words), so a new agent's empty state never reads "the top level".
  const level = levelSummary(growth.points);
  const levelInfo = levelFor(growth.points);
  return (
    <>
      {showPoints && (
        <Section title="Level">
          <p>
            <strong>{level.title}</strong>
          </p>
          <p className="meta">{level.progress}</p>
          {!level.atTop && levelInfo.pointsForNextLevel !== null && (
            <progress
              max={levelInfo.pointsForNextLevel}
              value={levelInfo.pointsIntoLevel}
              aria-label="Progress to the next level"
            />
          )}
        </Section>
      )}
      <KnownFor kudos={snapshot.kudos.inbox} />
      <Section title="Personal bests">
        {growth.personalBests.length === 0 ? (
          <EmptyState title="No personal bests yet">
            Your best week on each metric shows up here — you compete only with your own past.
          </EmptyState>
        ) : (
          <ul className="plain bests">
            {growth.personalBests.map((pb) => (
              <li key={pb.metric}>
                <span aria-hidden="true">★</span> {METRIC_LABELS[pb.metric]}:{' '}
                <strong>{personalBestPhrase(pb)}</strong>{' '}
                <span className="meta">· week of {shortDate(pb.weekStart)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Weekly trends">
        <Trends trends={snapshot.trends} />
      </Section>
      <Section title="Portfolio" actions={<ExportButtons snapshot={snapshot} />}>
        {weeks.length === 0 ? (
          <EmptyState title="Your portfolio starts here">
            Completed missions, kudos, streak records and coaching you finish are collected here, week by
            week, ready for your next promotion talk.
          </EmptyState>
        ) : (
          weeks.map((week) => (
            <div key={week.weekStart} className="week">
              <h3>Week of {shortDate(week.weekStart)}</h3>
              <ul className="plain entries">
                {week.entries.map((e) => (
                  <li key={e.id}>
                    <span aria-hidden="true">{KIND_ICONS[e.kind]}</span>{' '}
                    <strong className="user-text">{e.title}</strong>
                    {e.detail && <span className="user-text"> — {e.detail}</span>}
                    <span className="meta">
                      {' '}
                      · {dateTime(e.at, snapshot.person.timezone)}
                      {showPoints && e.points > 0 ? ` · +${e.points}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </Section>
    </>
  );
}
