import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

const decode = (base64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));

describe('Timeline', () => {
  it('shows the level, personal bests and entries grouped by week, newest first', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Timeline');
    expect(screen.getByText('Level 4 · Problem solver')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress to the next level' })).toHaveAttribute(
      'value',
      '140',
    );
    expect(screen.getByText(/CSAT/, { selector: '.bests li' })).toHaveTextContent(
      'CSAT: 97%, before 95% · week of Mon 23 Feb',
    );
    const weeks = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(weeks).toEqual(['Week of Mon 9 Mar', 'Week of Mon 2 Mar', 'Week of Mon 23 Feb']);
    const thisWeek = screen.getByRole('heading', { name: 'Week of Mon 9 Mar' })
      .nextElementSibling as HTMLElement;
    expect(
      within(thisWeek)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Customer kudos', 'Kudos from Jonas Weber']);
  });

  it('a new agent is at the start of level 1, never "0 points — the top level"', async () => {
    const week = agentWeek();
    // What an agent without any stored state used to get: level 1 with no next level filled in.
    const growth = {
      points: 0,
      level: 1,
      levelName: 'Getting started',
      pointsIntoLevel: 0,
      pointsForNextLevel: null,
      personalBests: [],
    };
    const { user } = await renderApp({ snapshot: { ...week, growth, timeline: [] } });
    await openView(user, 'Timeline');
    expect(screen.getByText('Level 1 · Getting started')).toBeInTheDocument();
    expect(screen.queryByText(/the top level/)).not.toBeInTheDocument();
    expect(screen.getByText(/^0 of \d+ points to the next level · 0 in all$/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress to the next level' })).toHaveAttribute(
      'value',
      '0',
    );
  });

  it('a personal best shows the improvement its rounding would hide ("86.4, before 86.2", not "86/100, before 86/100")', async () => {
    const week = agentWeek();
    const personalBests = [
      { metric: 'qaAvg' as const, value: 86.4, weekStart: '2026-03-02', previous: 86.2 },
    ];
    const { user } = await renderApp({ snapshot: { ...week, growth: { ...week.growth, personalBests } } });
    await openView(user, 'Timeline');
    expect(screen.getByText(/QA score/, { selector: '.bests li' })).toHaveTextContent(
      'QA score: 86.4, before 86.2 · week of Mon 2 Mar',
    );
  });

  it('groups by the person’s own time zone (a Sunday-night entry in UTC is Monday in Warsaw)', async () => {
    const week = agentWeek();
    const { user } = await renderApp({
      snapshot: { ...week, timeline: [{ ...week.timeline[0]!, at: '2026-03-08T23:30:00Z' }] },
    });
    await openView(user, 'Timeline');
    expect(screen.getByRole('heading', { name: 'Week of Mon 9 Mar' })).toBeInTheDocument();
  });

  it('loads the weekly trend chart on demand and switches metric', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Timeline');
    expect(
      await screen.findByRole('figure', { name: 'Tickets solved by week' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const metric = screen.getByLabelText('Metric');
    expect(within(metric).queryByRole('option', { name: 'Handle time (calls)' })).not.toBeInTheDocument();
    await user.selectOptions(metric, 'CSAT');
    expect(await screen.findByRole('figure', { name: 'CSAT by week' })).toHaveTextContent('2026-02-23: 97%');
  });

  it('spans the chart over the weeks that have data, not twelve mostly empty ones', async () => {
    const week = agentWeek();
    const empty = (weekStart: string) => ({
      weekStart,
      solved: null,
      frtAvgMinutes: null,
      resolutionAvgMinutes: null,
      csatPct: null,
      qaAvg: null,
      reopenRate: null,
      ahtSeconds: null,
    });
    const padded = [
      ...[
        '2025-12-15',
        '2025-12-22',
        '2025-12-29',
        '2026-01-05',
        '2026-01-12',
        '2026-01-19',
        '2026-01-26',
      ].map(empty),
      ...week.trends,
    ];
    const { user } = await renderApp({ snapshot: { ...week, trends: padded } });
    await openView(user, 'Timeline');
    const chart = await screen.findByRole('figure', { name: 'Tickets solved by week' }, { timeout: 5000 });
    const weeks = chart.querySelector('figcaption')!.textContent!.split('; ');
    expect(weeks).toHaveLength(week.trends.length);
    expect(weeks[0]).toMatch(/^2026-02-02: /);
  });

  it('shows what the agent is known for: the values their kudos name most, in the senders’ words', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Timeline');
    const known = screen.getByRole('region', { name: 'What you are known for' });
    const values = within(known).getAllByRole('listitem');
    expect(values.map((v) => v.querySelector('.tag')!.textContent)).toEqual([
      'Ownership',
      'Empathy',
      'Knowledge sharing',
    ]);
    expect(values[1]).toHaveTextContent(
      '“Maya untangled my double charge in ten minutes and was kind about it.” — A customer',
    );
    await openView(user, 'Profile');
    expect(screen.getByRole('region', { name: 'What you are known for' })).toHaveTextContent(
      'From 3 kudos you have received',
    );
  });

  it('explains trends before there are two weeks of data', async () => {
    const week = agentWeek();
    const { user } = await renderApp({ snapshot: { ...week, trends: week.trends.slice(-1) } });
    await openView(user, 'Timeline');
    expect(screen.getByText('Trends need two weeks of data')).toBeInTheDocument();
  });

  it('exports the portfolio as JSON through the host', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Timeline');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(raw.saveFile).toHaveBeenCalled());
    const input = raw.saveFile.mock.calls[0]![0] as {
      suggestedName: string;
      mimeType: string;
      base64: string;
    };
    expect(input.mimeType).toBe('application/json');
    expect(input.suggestedName).toBe('sidekick-portfolio-maya-okafor-2026-03-12.json');
    const portfolio = JSON.parse(decode(input.base64)) as {
      person: { name: string };
      timeline: unknown[];
      growth: { level: number };
    };
    expect(portfolio.person.name).toBe('Maya Okafor');
    expect(portfolio.timeline).toHaveLength(6);
    expect(portfolio.growth.level).toBe(4);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('exports the portfolio as a PDF, fetching its font only then', async () => {
    const ttf = readFileSync(
      createRequire(import.meta.url).resolve(
        '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
      ),
    );
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(String(url));
      return new Response(new Uint8Array(ttf));
    });
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Timeline');
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(raw.saveFile).toHaveBeenCalled(), { timeout: 10_000 });
    const input = raw.saveFile.mock.calls[0]![0] as { mimeType: string; base64: string };
    expect(input.mimeType).toBe('application/pdf');
    expect(atob(input.base64).startsWith('%PDF-')).toBe(true);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/NotoSans_400Regular\.ttf/);
    vi.unstubAllGlobals();
  });

  it('hides points and levels when the person opted out of growth points', async () => {
    const { user } = await renderApp({
      snapshot: agentWeek(),
      settings: {
        optOut: {
          streaks: false,
          celebrations: false,
          growthPoints: true,
          popups: false,
          weeklyRecap: false,
        },
      },
    });
    await openView(user, 'Timeline');
    expect(screen.queryByText(/Level 4/)).not.toBeInTheDocument();
    expect(screen.queryByText(/\+60/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Personal bests' })).toBeInTheDocument();
  });

  it('explains an empty portfolio', async () => {
    const { user } = await renderApp({ snapshot: { ...agentWeek(), timeline: [] } });
    await openView(user, 'Timeline');
    expect(screen.getByText('Your portfolio starts here')).toBeInTheDocument();
  });
});
