import { personalBestPhrase } from '../../../../shared/domain/personal-bests';
import type { OwnPastNumber, TeamBriefing, WeeklyRecap } from '../../../../shared/domain/recap-model';
import { METRIC_LABELS } from '../../format/metrics';
import { shortDate } from '../../format/time';

/** A page's worth of text: what the recap and briefing views show, and what their PDFs print. */
export interface PageSection {
  heading: string;
  lines: string[];
}
export interface OnePage {
  kicker: string;
  title: string;
  subtitle: string;
  sections: PageSection[];
}

/** At most this many lines a list, so the page stays one page; the rest is counted. */
export const LINES_PER_LIST = 6;
/** And at most this many characters a line (two printed lines), for the same reason. */
export const CHARS_PER_LINE = 200;
const clip = (s: string) => (s.length <= CHARS_PER_LINE ? s : `${s.slice(0, CHARS_PER_LINE - 1)}…`);
const capped = (all: string[], empty: string): string[] => {
  const lines = all.map(clip);
  return lines.length === 0
    ? [empty]
    : lines.length <= LINES_PER_LIST
      ? lines
      : [...lines.slice(0, LINES_PER_LIST - 1), `…and ${lines.length - (LINES_PER_LIST - 1)} more`];
};
/** "sent today", "waiting 3 days". */
const waited = (days: number) => (days === 0 ? 'sent today' : `waiting ${plural(days, 'day')}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "5, above your usual 4": against the agent's own past only, never anyone else's. */
export function ownPastPhrase(n: OwnPastNumber): string {
  switch (n.change) {
    case 'first_weeks':
      return `${n.value} — your first weeks, no usual yet`;
    case 'usual':
      return `${n.value}, about your usual`;
    case 'above_usual':
      return `${n.value}, above your usual ${formatUsual(n.usual)}`;
    case 'below_usual':
      return `${n.value}, below your usual ${formatUsual(n.usual)} — weeks vary`;
  }
}
const formatUsual = (usual: number | null) => (usual === null ? '' : String(Math.round(usual * 10) / 10));

export function recapPage(recap: WeeklyRecap): OnePage {
  return {
    kicker: 'Weekly recap',
    title: recap.name,
    subtitle: `Week of ${shortDate(recap.weekStart)} · compared only with your own past weeks`,
    sections: [
      {
        heading: 'Your week',
        lines: [
          `Tickets solved: ${ownPastPhrase(recap.solved)}`,
          `Customers helped: ${ownPastPhrase(recap.customersHelped)}`,
          `Thanks from customers: ${ownPastPhrase(recap.thanksReceived)}`,
          `Streak: ${plural(recap.streak.current, 'working day')} (longest ${recap.streak.longest})`,
        ],
      },
      {
        heading: 'Kudos that named you',
        lines: capped(
          recap.kudos.map((k) => `${k.fromName} — ${k.value}: ${k.message}`),
          'None this week.',
        ),
      },
      {
        heading: 'Personal bests',
        lines: capped(
          recap.personalBests.map((b) => `${METRIC_LABELS[b.metric]}: ${personalBestPhrase(b)}`),
          'None this week — bests come in their own time.',
        ),
      },
      {
        heading: 'Missions settled',
        lines: capped(
          recap.missions.map(
            (m) => `${m.status === 'completed' ? 'Completed' : 'Not reached'}: ${m.title || 'a mission'}`,
          ),
          'None settled this week.',
        ),
      },
      {
        heading: 'Offers for the new week',
        lines: capped(
          recap.offers.map((o) => `${o.status === 'accepted' ? 'You took this one: ' : ''}${o.sentence}`),
          'No offers this week yet.',
        ),
      },
    ],
  };
}

/** How a due check-in's date reads, by where it stands on the agent's day. */
const CHECK_IN_WORDS: Record<TeamBriefing['checkInsDue'][number]['checkIn'], string> = {
  overdue: 'overdue since',
  due: 'due today,',
  soon: 'coming up',
};

export function briefingPage(briefing: TeamBriefing): OnePage {
  const recognise = briefing.recognise.map((r) => {
    const days = r.daysSince ?? 0;
    const last =
      r.lastRecognisedAt === null
        ? 'no kudos yet'
        : days === 0
          ? 'last kudos today'
          : days === 1
            ? 'last kudos yesterday'
            : `last kudos ${days} days ago`;
    const week = r.kudosThisWeek > 0 ? `, ${plural(r.kudosThisWeek, 'kudos', 'kudos')} last week` : '';
    return `${r.notRecognised ? '• ' : ''}${r.name} — ${last}${week}`;
  });
  return {
    kicker: 'Weekly briefing',
    title: briefing.teamName,
    subtitle: `Week of ${shortDate(briefing.weekStart)} · for the weekly meeting`,
    sections: [
      {
        heading: 'Who to recognise (• not recognised lately)',
        // Everyone is listed, however long: nobody is forgotten, not even on paper.
        lines: recognise.length === 0 ? ['Nobody in the team yet.'] : recognise,
      },
      {
        heading: 'Ideas waiting for your answer',
        lines: capped(
          briefing.ideasWaiting.map(
            (i) => `${i.authorName ?? 'Anonymous'}, ${waited(i.daysWaiting)}: ${i.title}`,
          ),
          'None waiting.',
        ),
      },
      {
        heading: 'Consultations waiting for a decision',
        lines: capped(
          briefing.consultationsWaiting.map(
            (c) => `Closed ${plural(c.daysWaiting, 'day')} ago: ${c.question}`,
          ),
          'None waiting.',
        ),
      },
      {
        heading: 'Check-ins due (shared growth plans)',
        lines: capped(
          briefing.checkInsDue.map(
            (c) => `${c.name}, ${CHECK_IN_WORDS[c.checkIn]} ${shortDate(c.nextCheckIn)}: ${c.goal}`,
          ),
          'None due.',
        ),
      },
      {
        heading: 'Coaching tasks overdue',
        lines: capped(
          briefing.coachingOverdue.map(
            (t) =>
              `${t.agentName}, due ${shortDate(t.due)} (${plural(t.daysOverdue, 'day')} late): ${t.text}`,
          ),
          'None overdue.',
        ),
      },
    ],
  };
}
