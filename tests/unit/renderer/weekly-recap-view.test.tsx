import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamBriefing, WeeklyRecap } from '../../../shared/domain/recap-model';
import { agentWeek, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

/** Maya's recap of the week of 2 March, delivered on Monday 9 March (the fixture's now is Thursday 12th). */
const recap = (over: Partial<WeeklyRecap> = {}): WeeklyRecap => ({
  id: 'recap:p-maya:2026-03-09',
  agentId: 'p-maya',
  name: 'Maya Okafor',
  timezone: 'Europe/Warsaw',
  weekStart: '2026-03-02',
  forWeek: '2026-03-09',
  deliveredAt: '2026-03-09T08:00:00.000Z',
  solved: { value: 31, usual: 24, change: 'above_usual' },
  customersHelped: { value: 40, usual: 41, change: 'usual' },
  thanksReceived: { value: 3, usual: null, change: 'first_weeks' },
  kudos: [
    {
      id: 'k1',
      kind: 'peer',
      fromName: 'Kofi Mensah',
      value: 'Teamwork',
      message: 'Covered my queue',
      at: '2026-03-04T10:00:00.000Z',
    },
  ],
  personalBests: [],
  missions: [],
  streak: { current: 6, longest: 12 },
  offers: [],
  ...over,
});

const briefing: TeamBriefing = {
  id: 'briefing:t-billing:2026-03-09',
  teamId: 't-billing',
  teamName: 'Billing Support',
  timezone: 'Europe/Warsaw',
  weekStart: '2026-03-02',
  forWeek: '2026-03-09',
  generatedAt: '2026-03-12T14:30:00.000Z',
  recognise: [
    {
      personId: 'p-kofi',
      name: 'Kofi Mensah',
      lastRecognisedAt: null,
      daysSince: null,
      notRecognised: true,
      kudosThisWeek: 0,
    },
    {
      personId: 'p-maya',
      name: 'Maya Okafor',
      lastRecognisedAt: '2026-03-04T10:00:00.000Z',
      daysSince: 8,
      notRecognised: false,
      kudosThisWeek: 1,
    },
  ],
  ideasWaiting: [],
  consultationsWaiting: [],
  checkInsDue: [
    {
      agentId: 'p-kofi',
      name: 'Kofi Mensah',
      goal: 'Team lead in a year',
      nextCheckIn: '2026-03-10',
      checkIn: 'overdue',
    },
  ],
  coachingOverdue: [
    {
      agentId: 'p-maya',
      agentName: 'Maya Okafor',
      cardId: 'c1',
      taskId: 't1',
      text: 'Shadow a call',
      due: '2026-03-06',
      daysOverdue: 6,
    },
  ],
};

describe('the weekly recap on Today', () => {
  it('shows the three numbers against the agent’s own past, and the whole week on request', async () => {
    const { user } = await renderApp({ snapshot: agentWeek(), recap: recap() });
    const card = await screen.findByRole('article', { name: 'Your week in review' });
    expect(card).toHaveTextContent('Week of Mon 2 Mar');
    expect(card).toHaveTextContent('31solvedabove your usual (24)');
    expect(card).toHaveTextContent('40customers helpedabout your usual');
    expect(card).toHaveTextContent('3thanksno usual yet');
    await user.click(within(card).getByText('The whole week'));
    expect(within(card).getByText('Kofi Mensah — Teamwork: Covered my queue')).toBeVisible();
    expect(within(card).getByRole('button', { name: 'Export PDF' })).toBeVisible();
  });

  it('is not shown to someone who opted out, nor once its week has passed', async () => {
    const { raw } = await renderApp({
      snapshot: agentWeek(),
      recap: recap(),
      settings: {
        optOut: {
          streaks: false,
          celebrations: false,
          growthPoints: false,
          popups: false,
          weeklyRecap: true,
        },
      },
    });
    await screen.findByRole('region', { name: 'Your missions' });
    expect(screen.queryByRole('article', { name: 'Your week in review' })).toBeNull();
    expect(raw.getWeeklyRecap).not.toHaveBeenCalled();
  });

  it('gives way a week after it arrived', async () => {
    const { raw } = await renderApp({
      snapshot: agentWeek(),
      recap: recap({ deliveredAt: '2026-03-02T08:00:00.000Z' }),
    });
    await waitFor(() => expect(raw.getWeeklyRecap).toHaveBeenCalled());
    // Let the answer land and render before looking.
    await act(async () => undefined);
    expect(screen.queryByRole('article', { name: 'Your week in review' })).toBeNull();
  });
});

describe('the weekly briefing in the Team view', () => {
  it('lists everyone to recognise, the unrecognised marked, the check-ins due and what is overdue', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview(), briefing });
    await openView(user, 'Team');
    const region = await screen.findByRole('region', { name: 'Weekly briefing — week of Mon 2 Mar' });
    expect(raw.getTeamBriefing).toHaveBeenCalledWith({ teamId: 't-billing' });
    await user.click(
      within(region).getByText(
        '1 to recognise · 0 waiting for your answer · 1 check-ins due · 1 coaching overdue',
      ),
    );
    expect(within(region).getByText('• Kofi Mensah — no kudos yet')).toBeVisible();
    expect(within(region).getByText('Maya Okafor — last kudos 8 days ago, 1 kudos last week')).toBeVisible();
    expect(within(region).getByText('Maya Okafor, due Fri 6 Mar (6 days late): Shadow a call')).toBeVisible();
    expect(within(region).getByText('Check-ins due (shared growth plans)')).toBeVisible();
    expect(
      within(region).getByText('Kofi Mensah, overdue since Tue 10 Mar: Team lead in a year'),
    ).toBeVisible();
  });
});
