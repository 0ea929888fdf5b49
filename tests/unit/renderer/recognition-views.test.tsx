import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ImpactSummary,
  ImprovementBoard,
  ToughDaySuggestions,
} from '../../../shared/domain/recognition-model';
import { agentWeek, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => {
  freezeDate();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

const impact = ImpactSummary.parse({
  month: '2026-03',
  helped: 312,
  thanked: 28,
  words: [
    { text: 'Maya saved my booking.', from: 'Lena', ticketId: '4471', at: '2026-03-12T10:00:00Z' },
    { text: 'So patient with me.', from: 'A customer', ticketId: '4460', at: '2026-03-11T10:00:00Z' },
  ],
  turnedAround: [{ ticketId: '4402', at: '2026-03-10T10:00:00Z' }],
});

const board = (visible: boolean): ImprovementBoard =>
  ImprovementBoard.parse({
    teamId: 't-billing',
    month: '2026-03',
    visible,
    entries: visible
      ? [{ rank: 1, personId: 'p-ana', name: 'Ana Lima', points: 14.5, monthPct: 92, baselinePct: 77.5 }]
      : [],
    you: visible
      ? { improvement: { status: 'measured', points: 3, monthPct: 88, baselinePct: 85 }, shown: false }
      : null,
    note: visible
      ? 'Most improved this month.'
      : 'The most-improved board is opt-in: turn it on in Settings.',
  });

describe('recognition in the popover', () => {
  it('shows the month’s impact on Today in the customers’ own words', async () => {
    await renderApp({ snapshot: agentWeek(), impact });
    const card = await screen.findByTestId('impact-card');
    expect(card).toHaveTextContent('This month you helped 312 customers; 28 said thank you.');
    expect(card).toHaveTextContent('“Maya saved my booking.” — Lena, ticket 4471');
    expect(card).toHaveTextContent('1 tough ticket turned around');
  });

  it('says in one line that the impact needs the server when it cannot be reached', async () => {
    await renderApp({ snapshot: agentWeek() });
    expect(
      await screen.findByText('Your impact this month shows when Sidekick can reach the server.'),
    ).toBeInTheDocument();
  });

  it('tells someone who has not opted in where to opt in, and shows no one to them', async () => {
    const { user } = await renderApp({ snapshot: agentWeek(), board: board(false) });
    await openView(user, 'Board');
    expect(await screen.findByText('The board is opt-in')).toBeInTheDocument();
    expect(screen.queryByText('Ana Lima')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(screen.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  });

  it('shows the top of the board and the caller’s own standing to an opted-in agent', async () => {
    const { user, raw } = await renderApp({ snapshot: agentWeek(), board: board(true), boardOptIn: true });
    await openView(user, 'Board');
    const list = await screen.findByRole('list', { name: 'Most improved' });
    expect(raw.getImprovementBoard).toHaveBeenCalledWith({ teamId: 't-billing' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent('Ana Lima+14.5 77.5% → 92%');
    expect(screen.getByTestId('board-you')).toHaveTextContent(
      'Only you see this: 88% satisfied so far this month, against 85% in your own last three months.',
    );
  });

  it('opts in from Settings once the server has stored it', async () => {
    const { user, raw } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    const box = await screen.findByRole('checkbox', { name: 'Most-improved board' });
    expect(box).not.toBeChecked();
    await user.click(box);
    await waitFor(() => expect(raw.updateRecognitionSettings).toHaveBeenCalledWith({ boardOptIn: true }));
    await waitFor(() => expect(box).toBeChecked());
    expect(screen.getByText(/On: you can see your team’s monthly most-improved board/)).toBeInTheDocument();
  });

  it('offers a supervisor tough days as reasons for kudos that prefill the composer', async () => {
    const toughDays = ToughDaySuggestions.parse({
      teamId: 't-billing',
      since: '2026-02-27',
      suggestions: [
        {
          personId: 'p-ana',
          name: 'Ana Lima',
          date: '2026-03-10',
          contacts: 4,
          unhappy: 3,
          abusive: 1,
          ticketIds: ['4401', '4402', '4403', '4404'],
          reason: 'Ana handled 4 tough customers to the end on Tuesday 10 March (3 unhappy, 1 abusive).',
          kudos: {
            value: 'Tough customer',
            message: 'Thank you for staying with 4 tough customers to the end on Tuesday 10 March.',
          },
        },
      ],
    });
    const { user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview(), toughDays });
    const item = await screen.findByRole('listitem', { name: 'Ana Lima, 2026-03-10' });
    expect(item).toHaveTextContent('Ana handled 4 tough customers to the end on Tuesday 10 March');
    await user.click(within(item).getByRole('button', { name: 'Give Ana Lima kudos' }));
    const form = await screen.findByRole('form', { name: 'Send kudos' });
    expect(within(form).getByLabelText('Send to')).toHaveValue('p-ana');
    expect(within(form).getByRole('radio', { name: 'Tough customer' })).toBeChecked();
    expect(within(form).getByLabelText('What they did')).toHaveValue(
      'Thank you for staying with 4 tough customers to the end on Tuesday 10 March.',
    );
  });
});
