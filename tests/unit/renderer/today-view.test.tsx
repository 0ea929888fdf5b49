import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateMission } from '../../../shared/domain/missions';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import { agentWeek, FIXTURE_NOW, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('Today', () => {
  it('shows each running mission with its ring, sentence, time left, state and guardrails', async () => {
    await renderApp({ snapshot: agentWeek() });
    const solve = screen.getByRole('article', { name: 'Solve 40 tickets this week' });
    expect(
      within(solve).getByRole('img', { name: 'Solve 40 tickets this week: 68% done' }),
    ).toBeInTheDocument();
    expect(solve).toHaveTextContent('27 of 40 solved, 3 days left');
    expect(solve).toHaveTextContent('On track');
    expect(solve).toHaveTextContent('3 days left');
    expect(within(solve).getByRole('list', { name: 'Guardrails' })).toHaveTextContent(
      'CSAT 94% — holding at 90% or more. (holding)',
    );
    expect(solve).toHaveTextContent('13 more solved tickets complete this.');

    const frt = screen.getByRole('article', { name: 'First reply in 30 min on average' });
    expect(frt).toHaveTextContent('Not there yet');
    expect(frt).toHaveTextContent('from your supervisor');
    expect(frt).toHaveTextContent('Reopen rate: waiting for enough data');
  });

  it('shows the streak with freezes left and the next milestone', async () => {
    await renderApp({ snapshot: agentWeek() });
    const streak = screen.getByRole('article', { name: 'Your streak' });
    expect(streak).toHaveTextContent('12 working days in a row');
    expect(streak).toHaveTextContent('Longest: 19 · 1 freeze left · 13 to go to 25');
    expect(within(streak).getAllByRole('listitem')).toHaveLength(11);
  });

  it('hides the streak when the person opted out of streaks', async () => {
    await renderApp({
      snapshot: agentWeek(),
      settings: {
        optOut: {
          streaks: true,
          celebrations: false,
          growthPoints: false,
          popups: false,
          weeklyRecap: false,
        },
      },
    });
    await screen.findByRole('heading', { name: 'Your missions' });
    expect(screen.queryByRole('article', { name: 'Your streak' })).not.toBeInTheDocument();
  });

  it('lists only open offers and accepts one in one click', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    expect(screen.queryByRole('article', { name: /Steady offer/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept: QA average of 88 this week' }));
    expect(raw.acceptOffer).toHaveBeenCalledWith({ offerId: 'o-growth' });
    const offer = screen.getByRole('article', { name: 'Room to grow offer: QA average of 88 this week' });
    expect(await within(offer).findByRole('status')).toHaveTextContent(
      'Accepted — it is now one of your missions',
    );
    expect(within(offer).getByRole('button', { name: /QA average/ })).toBeDisabled();
  });

  it('says an acceptance made offline is saved and will sync later', async () => {
    const { user } = await renderApp({
      snapshot: agentWeek(),
      overrides: { acceptOffer: vi.fn(async () => ({ key: 'k1', queued: true })) },
    });
    await user.click(screen.getByRole('button', { name: 'Accept: Solve 46 tickets this week' }));
    expect(await screen.findByText(/goes to the server when you are back online/)).toBeInTheDocument();
  });

  it('says what went wrong when accepting fails', async () => {
    const { user } = await renderApp({
      snapshot: agentWeek(),
      overrides: { acceptOffer: vi.fn(async () => Promise.reject(new Error('This offer has expired.'))) },
    });
    await user.click(screen.getByRole('button', { name: 'Accept: Solve 46 tickets this week' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This offer has expired.');
  });

  it('explains what to do when there is no mission and no offer', async () => {
    await renderApp({ snapshot: { ...agentWeek(), missions: [], offers: [] } });
    expect(screen.getByText('No mission running right now')).toBeInTheDocument();
    expect(screen.getByText(/New offers arrive at the start of each week/)).toBeInTheDocument();
  });
});

describe('Today: a streak at zero', () => {
  it('speaks of a fresh start, never of a loss', async () => {
    const week = agentWeek();
    await renderApp({ snapshot: { ...week, streak: { ...week.streak, current: 0, nextMilestone: 3 } } });
    const streak = screen.getByRole('article', { name: 'Your streak' });
    expect(streak).toHaveTextContent('Ready for a new streak');
    expect(streak).toHaveTextContent('Longest: 19 · 1 freeze left · first milestone at 3');
  });
});

describe('Today: no shaming', () => {
  /** Chloé's week from the demo: 113 of 250 solved with CSAT 4 of 7 against an 87% guardrail, judged by the engine. */
  function behindWithBrokenGuardrail() {
    const week = agentWeek();
    const mission = {
      ...week.missions[0]!.mission,
      id: 'm-team-250',
      title: 'Solve 250 tickets together this week',
      target: 250,
      guardrails: [{ metric: 'csatPct' as const, comparator: 'atLeast' as const, threshold: 87 }],
    };
    const none = { value: null, sample: 0 };
    const metrics: AgentMetrics = {
      agentId: 'p-maya',
      from: mission.window.start,
      to: FIXTURE_NOW,
      timezone: 'Europe/Warsaw',
      solved: { value: 113, sample: 113 },
      csatPct: { value: (100 * 4) / 7, sample: 7 },
      frtAvgMinutes: none,
      frtMedianMinutes: none,
      resolutionAvgMinutes: none,
      qaAvg: none,
      reopenRate: none,
      ahtSeconds: none,
      reopened: none,
    };
    const progress = evaluateMission(mission, metrics, FIXTURE_NOW);
    return { ...week, missions: [{ mission, progress }] };
  }

  it('words a guardrail that is not holding calmly, once, with what helps, and no red', async () => {
    const snapshot = behindWithBrokenGuardrail();
    expect(snapshot.missions[0]!.progress.sentence).toContain('needs 87% or more');
    await renderApp({ snapshot });
    const card = screen.getByRole('article', { name: 'Solve 250 tickets together this week' });
    expect(card).not.toHaveTextContent(/needs|at risk|!/i);
    expect(card).toHaveTextContent('113 of 250 solved, 3 days left');
    expect(card).toHaveTextContent('Not there yet');
    expect(card).toHaveTextContent('137 more solved tickets reach 250.');
    const guardrail = within(within(card).getByRole('list', { name: 'Guardrails' })).getByRole('listitem');
    expect(guardrail).toHaveTextContent(
      'CSAT is 57% for now; the aim is 87% or more. Each satisfied rating lifts it.',
    );
    expect(guardrail).toHaveClass('guard-watch');
    expect(card.querySelector('.pill')).toHaveClass('pill-neutral');
    expect(within(card).getByRole('img')).toHaveClass('ring-neutral');
  });

  it('lands a supervisor on their team, and their own Today never says "your supervisor can assign one"', async () => {
    await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    expect(screen.getByRole('main')).toHaveAttribute('aria-label', 'Team');
    expect(await screen.findByRole('region', { name: /progress$/ })).toBeInTheDocument();
    screen.getByRole('button', { name: 'Today' }).click();
    expect(await screen.findByText('No mission running right now')).toBeInTheDocument();
    expect(screen.queryByText(/Your supervisor can also assign one/)).not.toBeInTheDocument();
    expect(screen.getByText(/on the Team tab/)).toBeInTheDocument();
  });
});
