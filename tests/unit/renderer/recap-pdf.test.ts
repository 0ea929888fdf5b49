import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { TeamBriefing, WeeklyRecap } from '../../../shared/domain/recap-model';
import { sectionsPdf } from '../../../renderer/src/views/timeline/export-pdf';
import { briefingPage, ownPastPhrase, recapPage } from '../../../renderer/src/views/recap/recap-text';

const require = createRequire(import.meta.url);
const font = fs
  .readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'))
  .toString('base64');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-recap-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The PDF on disk, read back by poppler: its text and how many pages it has. */
function read(bytes: Uint8Array) {
  const file = path.join(dir, `page-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}

const LONG = 'Stayed with a customer whose refund had bounced three times, '.repeat(5);
const n = (value: number, usual: number | null, change: WeeklyRecap['solved']['change']) => ({
  value,
  usual,
  change,
});

/** A recap with every list far longer than a week usually holds. */
const fullRecap: WeeklyRecap = {
  id: 'recap:p-zoe:2026-03-09',
  agentId: 'p-zoe',
  name: 'Zoë Nguyễn-Łukasiewicz',
  timezone: 'Europe/Warsaw',
  weekStart: '2026-03-02',
  forWeek: '2026-03-09',
  deliveredAt: '2026-03-09T08:00:00.000Z',
  solved: n(31, 24, 'above_usual'),
  customersHelped: n(40, 41, 'usual'),
  thanksReceived: n(3, 9, 'below_usual'),
  kudos: Array.from({ length: 20 }, (_, i) => ({
    id: `k${i}`,
    kind: 'peer' as const,
    fromName: `Κώστας ${i}`,
    value: 'Empathy' as const,
    message: LONG,
    at: '2026-03-04T10:00:00.000Z',
  })),
  personalBests: Array.from({ length: 7 }, () => ({
    metric: 'solved' as const,
    value: 31,
    weekStart: '2026-03-02',
    previous: 28,
  })),
  missions: Array.from({ length: 12 }, (_, i) => ({
    id: `m${i}`,
    title: `${LONG}`.slice(0, 200),
    status: 'completed' as const,
    settledAt: '2026-03-06T17:00:00.000Z',
  })),
  streak: { current: 12, longest: 30 },
  offers: [],
};

const fullBriefing: TeamBriefing = {
  id: 'briefing:t1:2026-03-09',
  teamId: 't1',
  teamName: 'Care Crew',
  timezone: 'Europe/Warsaw',
  weekStart: '2026-03-02',
  forWeek: '2026-03-09',
  generatedAt: '2026-03-09T08:00:00.000Z',
  recognise: Array.from({ length: 25 }, (_, i) => ({
    personId: `p${i}`,
    name: `Агент Номер ${i}`,
    lastRecognisedAt: i % 3 ? '2026-02-20T10:00:00.000Z' : null,
    daysSince: i % 3 ? 17 : null,
    notRecognised: true,
    kudosThisWeek: i % 2,
  })),
  ideasWaiting: Array.from({ length: 10 }, (_, i) => ({
    id: `i${i}`,
    title: LONG.slice(0, 200),
    authorName: i % 2 ? null : 'Ana',
    createdAt: '2026-03-01T10:00:00.000Z',
    daysWaiting: 8,
  })),
  consultationsWaiting: Array.from({ length: 10 }, (_, i) => ({
    id: `c${i}`,
    question: LONG.slice(0, 300),
    closesAt: '2026-03-05T10:00:00.000Z',
    daysWaiting: 4,
  })),
  checkInsDue: Array.from({ length: 10 }, (_, i) => ({
    agentId: `p${i}`,
    name: `Агент Номер ${i}`,
    goal: LONG.slice(0, 300),
    nextCheckIn: '2026-03-10',
    checkIn: i % 2 ? ('due' as const) : ('overdue' as const),
  })),
  coachingOverdue: Array.from({ length: 10 }, (_, i) => ({
    agentId: `p${i}`,
    agentName: `Агент Номер ${i}`,
    cardId: `card${i}`,
    taskId: `t${i}`,
    text: LONG.slice(0, 300),
    due: '2026-03-03',
    daysOverdue: 6,
  })),
};

describe('the weekly recap and briefing as one printable page', () => {
  it('prints even a very full recap on one A4 page, names in any script as written', () => {
    const { text, pages } = read(sectionsPdf(recapPage(fullRecap), font, { onePage: true }));
    expect(pages).toBe(1);
    expect(text).toContain('Zoë Nguyễn-Łukasiewicz');
    expect(text).toContain('Κώστας 0');
    expect(text).toContain('…and 15 more');
    expect(text).toContain('Tickets solved: 31, above your usual 24');
  });

  it('prints a 25-person team’s briefing on one page, with every member listed', () => {
    const { text, pages } = read(sectionsPdf(briefingPage(fullBriefing), font, { onePage: true }));
    expect(pages).toBe(1);
    for (let i = 0; i < 25; i++) expect(text).toContain(`Агент Номер ${i} —`);
    expect(text).toContain('Anonymous, waiting 8 days:');
    expect(text).toContain('Check-ins due (shared growth plans)');
    expect(text).toContain('Агент Номер 1, due today, Tue 10 Mar:');
    expect(text).toContain('…and 5 more');
  });

  it('words each number against the agent’s own past only', () => {
    expect(ownPastPhrase(n(5, null, 'first_weeks'))).toBe('5 — your first weeks, no usual yet');
    expect(ownPastPhrase(n(40, 41, 'usual'))).toBe('40, about your usual');
    expect(ownPastPhrase(n(3, 8.5, 'below_usual'))).toBe('3, below your usual 8.5 — weeks vary');
  });
});
