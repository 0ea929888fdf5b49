import type { Snapshot } from '../../../../shared/api/snapshot';
import { formatMetric, METRIC_LABELS } from '../../format/metrics';
import { groupByWeek } from './group-by-week';
import { planLines } from '../growth/plan-portfolio';

/** The growth portfolio as data: what both exports (JSON and PDF) are made from. */
export function portfolioOf(snapshot: Snapshot, exportedAt: string) {
  return {
    kind: 'sidekick.growth-portfolio',
    version: 1,
    exportedAt,
    person: { name: snapshot.person.name, timezone: snapshot.person.timezone },
    growth: snapshot.growth,
    streak: { current: snapshot.streak.current, longest: snapshot.streak.longest },
    timeline: snapshot.timeline,
    trends: snapshot.trends,
    /** The growth plan and its progress as of the export (null when there is none). */
    plan: snapshot.plan,
  };
}

/** The portfolio as lines of text, section by section, for the PDF. */
export function portfolioLines(snapshot: Snapshot): { heading: string; lines: string[] }[] {
  const { growth, streak } = snapshot;
  const sections = [
    {
      heading: 'Summary',
      lines: [
        `Level ${growth.level} — ${growth.levelName}, ${growth.points} growth points`,
        `Longest streak: ${streak.longest} working days (current ${streak.current})`,
      ],
    },
    {
      heading: 'Personal bests',
      lines:
        growth.personalBests.length === 0
          ? ['None yet.']
          : growth.personalBests.map(
              (pb) =>
                `${METRIC_LABELS[pb.metric]}: ${formatMetric(pb.metric, pb.value)} (week of ${pb.weekStart})`,
            ),
    },
  ];
  if (snapshot.plan) sections.push({ heading: 'Growth plan', lines: planLines(snapshot.plan) });
  for (const group of groupByWeek(snapshot.timeline, snapshot.person.timezone)) {
    sections.push({
      heading: `Week of ${group.weekStart}`,
      lines: group.entries.map((e) => `${e.at.slice(0, 10)}  ${e.title}${e.detail ? ` — ${e.detail}` : ''}`),
    });
  }
  return sections;
}

/** Bytes → base64 without Node's Buffer (the renderer runs in a browser). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
