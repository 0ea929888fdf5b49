import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('Asked before change (agent)', () => {
  it('answers an open question with an option and a comment', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Ideas');
    const asks = screen.getByRole('region', { name: 'Your team asks' });
    const card = within(asks).getByRole('listitem', { name: 'Friday late shifts: keep, rotate or drop?' });
    expect(card).toHaveTextContent('your name is not kept with your answer');
    const send = within(card).getByRole('button', { name: 'Send answer' });
    expect(send).toBeDisabled();
    await user.click(within(card).getByLabelText('Rotate weekly'));
    await user.type(within(card).getByLabelText(/Anything to add/), 'School runs on Fridays');
    await user.click(send);
    expect(raw.answerConsultation).toHaveBeenCalledWith({
      consultationId: 'q-fridays',
      optionId: 'o2',
      text: 'School runs on Fridays',
    });
    expect(await within(card).findByRole('status')).toHaveTextContent('Answer sent');
    expect(card).toHaveTextContent('You answered');
  });

  it('shows ideas and decided questions in one “you said, we did” history, with what the team said', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Ideas');
    const history = screen.getByRole('region', { name: 'You said, we did' });
    const items = within(history).getAllByRole('listitem', { name: /./ });
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'How should the refund macro read?',
      'A macro for VAT refund follow-ups',
    ]);
    expect(items[0]).toHaveTextContent('We did: Shorter wording, with the payout date');
    expect(items[0]).toHaveTextContent('Why: Four of you asked for the date first.');
    expect(items[0]).toHaveTextContent('Put the date first');
    expect(items[1]).toHaveTextContent('We did: Great idea — Jonas will build it next sprint.');
    // A decided question is no longer in "Your team asks".
    expect(screen.getByRole('region', { name: 'Your team asks' })).not.toHaveTextContent('refund macro read');
  });
});

describe('Asked before change (supervisor)', () => {
  it('asks the team and closes the loop on a question with what was decided and why', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    const region = await screen.findByRole('region', { name: 'Asked before change' });
    const anon = within(region).getByRole('listitem', { name: 'Friday late shifts: keep, rotate or drop?' });
    expect(anon).toHaveTextContent('2 of 2 answered');
    expect(anon).toHaveTextContent('nobody can be picked out');
    expect(within(anon).queryByRole('list', { name: 'Who said what' })).toBeNull();
    const named = within(region).getByRole('listitem', { name: 'How should the refund macro read?' });
    expect(within(named).getByRole('list', { name: 'Who said what' })).toHaveTextContent(
      'Maya Okafor: Put the date first',
    );
    await user.type(within(named).getByLabelText('What was decided'), 'Date first, then the wording');
    await user.type(within(named).getByLabelText('Why'), 'It is what you asked for');
    await user.click(within(named).getByRole('button', { name: 'Share the decision' }));
    expect(raw.decideConsultation).toHaveBeenCalledWith({
      consultationId: 'q-macro',
      decided: 'Date first, then the wording',
      why: 'It is what you asked for',
    });

    const form = within(region).getByRole('form', { name: 'Ask the team' });
    await user.type(within(form).getByLabelText('Question'), 'New macro for chargebacks?');
    await user.type(within(form).getByLabelText('Options, one a line'), 'Yes{Enter}Not yet');
    await user.type(within(form).getByLabelText('Closes'), '2026-03-20T17:00');
    await user.click(within(form).getByRole('button', { name: 'Ask the team' }));
    expect(raw.askTeam).toHaveBeenCalledWith(
      expect.objectContaining({
        teamId: 't-billing',
        question: 'New macro for chargebacks?',
        kind: 'options',
        options: ['Yes', 'Not yet'],
        anonymous: true,
      }),
    );
  });
});
