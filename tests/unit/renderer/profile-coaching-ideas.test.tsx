import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('Profile', () => {
  it('edits a field and its visibility and saves the whole profile', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Profile');
    expect(screen.getByLabelText('Who can see “Skills I want to grow”')).toHaveValue('me');
    const passions = screen.getByLabelText('What I love outside work');
    await user.clear(passions);
    await user.type(passions, 'Bouldering.');
    await user.selectOptions(screen.getByLabelText('Who can see “What I love outside work”'), 'Only me');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(raw.updateProfile).toHaveBeenCalledWith({
      ...agentWeek().profile,
      passions: { text: 'Bouldering.', visibility: 'me' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
  });
});

describe('Coaching', () => {
  it('shows the card, ticks a task and replies on the thread', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Coaching');
    const card = screen.getByRole('article', { name: 'Coaching from Sofia Brandt: First reply time (avg)' });
    expect(card).toHaveTextContent('First reply 36 min on average over four weeks');
    expect(within(card).getByRole('checkbox', { name: /Set up the "first reply" macro/ })).toBeChecked();
    const shadow = within(card).getByRole('checkbox', { name: /Shadow Ana/ });
    await user.click(shadow);
    expect(raw.tickTask).toHaveBeenCalledWith({ cardId: 'c-1', taskId: 'ct-2', done: true });
    expect(shadow).toBeChecked();
    expect(within(card).getByRole('list', { name: 'Replies' })).toHaveTextContent('Macro is live');
    await user.type(within(card).getByLabelText('Reply'), 'Shadowing booked for Friday.');
    await user.click(within(card).getByRole('button', { name: 'Send reply' }));
    expect(raw.replyCoaching).toHaveBeenCalledWith({ cardId: 'c-1', text: 'Shadowing booked for Friday.' });
  });

  it('unticks the box again when the host refuses', async () => {
    const { user } = await renderApp({
      snapshot: agentWeek(),
      overrides: { tickTask: vi.fn(async () => Promise.reject(new Error('This card was archived.'))) },
    });
    await openView(user, 'Coaching');
    const shadow = screen.getByRole('checkbox', { name: /Shadow Ana/ });
    await user.click(shadow);
    expect(await screen.findByRole('alert')).toHaveTextContent('This card was archived.');
    expect(shadow).not.toBeChecked();
  });

  it('explains an empty coaching list', async () => {
    const { user } = await renderApp({ snapshot: { ...agentWeek(), coaching: [] } });
    await openView(user, 'Coaching');
    expect(screen.getByText('No coaching cards')).toBeInTheDocument();
  });
});

describe('Ideas', () => {
  it('sends an anonymous idea and lists existing ones with their status and answer', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Ideas');
    const mine = screen.getByRole('region', { name: 'Your ideas' });
    expect(
      within(mine)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Quiet hour for the queue on Fridays', 'A macro for VAT refund follow-ups']);
    expect(mine).toHaveTextContent('Planned');
    expect(mine).toHaveTextContent('Jonas will build it next sprint');
    await user.type(screen.getByLabelText('Idea'), 'Shared snippets for chargebacks');
    await user.click(screen.getByLabelText(/Send anonymously/));
    await user.click(screen.getByRole('button', { name: 'Send idea' }));
    expect(raw.submitIdea).toHaveBeenCalledWith({
      title: 'Shared snippets for chargebacks',
      body: '',
      anonymous: true,
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Idea sent — thank you');
    expect(screen.getByLabelText('Idea')).toHaveValue('');
  });

  it('explains an empty idea list', async () => {
    const { user } = await renderApp({ snapshot: { ...agentWeek(), ideas: [] } });
    await openView(user, 'Ideas');
    expect(screen.getByText('No ideas sent yet')).toBeInTheDocument();
  });
});
