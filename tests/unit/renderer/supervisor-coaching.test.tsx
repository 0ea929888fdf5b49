import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TeamCoaching } from '../../../shared/api/supervisor';
import { agentWeek, supervisorWeek } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

/** Sofia's team: Maya with the card Sofia wrote (one task of three done, one reply), Kofi with none. */
const teamCoaching = (): TeamCoaching =>
  TeamCoaching.parse({
    teamId: 't-billing',
    name: 'Billing Support',
    agents: [
      { personId: 'p-kofi', name: 'Kofi Mensah', cards: [] },
      { personId: 'p-maya', name: 'Maya Okafor', cards: agentWeek().coaching },
    ],
  });

describe('Coaching, the supervisor’s side', () => {
  it('shows the cards they wrote, grouped by agent, with each task’s progress and the agent’s replies', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), coaching: teamCoaching() });
    await openView(user, 'Coaching');
    expect(raw.getTeamCoaching).toHaveBeenCalledWith({ teamId: 't-billing' });
    const maya = await screen.findByRole('listitem', { name: 'Maya Okafor' });
    // Not the agent's "No coaching cards" empty state.
    expect(screen.queryByText('No coaching cards')).toBeNull();
    expect(maya).toHaveTextContent('1 open');
    const card = within(maya).getByRole('article', { name: 'First reply time (avg): 1 of 3 tasks done' });
    expect(card).toHaveTextContent('You wrote this');
    await user.click(within(card).getByText(/Advice, tasks and 1 reply/));
    const tasks = within(card).getAllByRole('listitem');
    expect(tasks[0]).toHaveTextContent('Set up the "first reply" macro · done');
    expect(tasks[1]).toHaveTextContent('Shadow Ana for one hour of triage · not done yet');
    const replies = within(card).getByRole('list', { name: 'Replies' });
    expect(replies).toHaveTextContent('Maya Okafor');
    expect(replies).toHaveTextContent('Macro is live — it already helps on Mondays.');
    // The tasks are the agent's to tick: no checkboxes on the supervisor's side.
    expect(within(card).queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('listitem', { name: 'Kofi Mensah' })).toHaveTextContent('No cards yet');
  });

  it('writes a new card for one agent from their group, then reloads the list', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), coaching: teamCoaching() });
    await openView(user, 'Coaching');
    await user.click(await screen.findByRole('button', { name: 'Write a card for Kofi Mensah' }));
    const form = screen.getByRole('form', { name: 'Write a coaching card' });
    expect(within(form).getByLabelText('For')).toHaveValue('p-kofi');
    await user.type(within(form).getByLabelText('Advice'), 'Ask for a second pair of eyes on chargebacks.');
    await user.type(within(form).getByLabelText('Tasks, one per line'), 'Pair with Maya on Friday');
    await user.click(within(form).getByRole('button', { name: 'Send coaching card' }));
    await waitFor(() =>
      expect(raw.writeCoachingCard).toHaveBeenCalledWith(
        expect.objectContaining({
          agentId: 'p-kofi',
          advice: 'Ask for a second pair of eyes on chargebacks.',
          tasks: [{ text: 'Pair with Maya on Friday', due: null }],
        }),
      ),
    );
    await waitFor(() => expect(raw.getTeamCoaching).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('form', { name: 'Write a coaching card' })).toBeNull();
  });

  it('answers the agent on the card they wrote', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), coaching: teamCoaching() });
    await openView(user, 'Coaching');
    const maya = await screen.findByRole('listitem', { name: 'Maya Okafor' });
    await user.click(within(maya).getByText(/Advice, tasks and 1 reply/));
    await user.type(within(maya).getByLabelText('Your answer'), 'Great start!');
    await user.click(within(maya).getByRole('button', { name: 'Send answer' }));
    await waitFor(() =>
      expect(raw.replyCoaching).toHaveBeenCalledWith({ cardId: 'c-1', text: 'Great start!' }),
    );
  });

  it('says so when the team’s cards cannot be loaded, instead of the agent’s empty state', async () => {
    const { user } = await renderApp({ snapshot: supervisorWeek() });
    await openView(user, 'Coaching');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be loaded');
    expect(screen.queryByText('No coaching cards')).toBeNull();
  });

  it('still shows agents their own cards, with ticks and replies', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Coaching');
    expect(await screen.findByRole('article', { name: /Coaching from Sofia Brandt/ })).toBeInTheDocument();
    expect(raw.getTeamCoaching).not.toHaveBeenCalled();
  });
});
