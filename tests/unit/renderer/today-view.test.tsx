import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek } from './fixtures/agent-week';
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
      'CSAT 94% — staying at 90% or more (holding)',
    );

    const frt = screen.getByRole('article', { name: 'First reply in 30 min on average' });
    expect(frt).toHaveTextContent('At risk');
    expect(frt).toHaveTextContent('from your supervisor');
    expect(frt).toHaveTextContent('not enough data yet');
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
      settings: { optOut: { streaks: true, celebrations: false, growthPoints: false, popups: false } },
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
