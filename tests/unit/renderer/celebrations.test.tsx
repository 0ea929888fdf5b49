import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Celebration } from '../../../shared/domain/growth-model';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import { agentWeek } from './fixtures/agent-week';
import { setReducedMotion } from './helpers/match-media';
import { freezeDate, renderApp } from './helpers/render-app';

const kudos: Celebration = {
  id: 'cel-k',
  kind: 'kudos',
  size: 'toast',
  title: 'Kudos from Sofia Brandt',
  message: 'Ownership: you closed the Kowalski refund the same day.',
  at: '2026-03-12T14:30:00Z',
  refId: 'k-lead',
};
const mission: Celebration = {
  id: 'cel-m',
  kind: 'mission_completed',
  size: 'burst',
  title: 'Mission completed!',
  message: 'Solve 40 tickets this week — 40 of 40.',
  at: '2026-03-12T14:31:00Z',
  refId: 'm-solve-40',
};
const streak25: Celebration = {
  id: 'cel-s',
  kind: 'streak_milestone',
  size: 'confetti',
  title: '25 working days in a row',
  message: 'Your longest streak yet.',
  at: '2026-03-12T14:32:00Z',
  refId: null,
};
const optOut = (patch: Partial<typeof DEFAULT_SETTINGS.optOut>) => ({
  optOut: { ...DEFAULT_SETTINGS.optOut, ...patch },
});

const card = (title: string) => screen.getByText(title).closest('.celebration') as HTMLElement;

// The animated stage is a lazy chunk; load it once up front so the first test does not time out on the transform.
beforeAll(async () => {
  await import('../../../renderer/src/celebrations/CelebrationStage');
});
beforeEach(() => freezeDate());
afterEach(() => {
  vi.useRealTimers();
  setReducedMotion(false);
});

describe('celebrations', () => {
  it('shows kudos as a warm toast that can be dismissed', async () => {
    const { emitCelebration, user } = await renderApp({ snapshot: agentWeek() });
    act(() => emitCelebration(kudos));
    expect(
      await screen.findByText('Kudos from Sofia Brandt', undefined, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(card('Kudos from Sofia Brandt')).toHaveClass('celebration-toast');
    await user.click(screen.getByRole('button', { name: 'Dismiss: Kudos from Sofia Brandt' }));
    await waitFor(() => expect(screen.queryByText('Kudos from Sofia Brandt')).not.toBeInTheDocument());
  });

  it('sizes each moment: a burst for a mission, confetti for a 25-day streak', async () => {
    const { emitCelebration, container } = await renderApp({ snapshot: agentWeek() });
    act(() => emitCelebration(mission));
    await screen.findByText('Mission completed!', undefined, { timeout: 3000 });
    expect(card('Mission completed!')).toHaveClass('celebration-burst');
    expect(card('Mission completed!').querySelectorAll('.particle')).toHaveLength(14);
    act(() => emitCelebration(streak25));
    await screen.findByText('25 working days in a row', undefined, { timeout: 3000 });
    expect(card('25 working days in a row')).toHaveClass('celebration-confetti');
    expect(container.querySelectorAll('.confetti-piece').length).toBeGreaterThan(20);
  });

  it('never blocks work: no dialog, focus stays where it was', async () => {
    const { emitCelebration, user } = await renderApp({ snapshot: agentWeek() });
    const today = screen.getByRole('button', { name: 'Today' });
    await user.click(today);
    act(() => emitCelebration(mission));
    await screen.findByText('Mission completed!', undefined, { timeout: 3000 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(today);
    expect(card('Mission completed!').contains(document.activeElement)).toBe(false);
  });

  it('opens the related view from a celebration', async () => {
    const { emitCelebration, user } = await renderApp({ snapshot: agentWeek() });
    act(() => emitCelebration(kudos));
    await screen.findByText('Kudos from Sofia Brandt', undefined, { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('heading', { name: 'Kudos for you' })).toBeInTheDocument();
  });

  it('shows each celebration once, even if the host repeats it', async () => {
    const { emitCelebration } = await renderApp({ snapshot: agentWeek() });
    act(() => {
      emitCelebration(kudos);
      emitCelebration(kudos);
    });
    await screen.findByText('Kudos from Sofia Brandt', undefined, { timeout: 3000 });
    expect(screen.getAllByText('Kudos from Sofia Brandt')).toHaveLength(1);
  });

  it('is calm and static under prefers-reduced-motion', async () => {
    setReducedMotion(true);
    const { emitCelebration, container } = await renderApp({ snapshot: agentWeek() });
    act(() => emitCelebration(streak25));
    await screen.findByText('25 working days in a row', undefined, { timeout: 3000 });
    expect(card('25 working days in a row')).toHaveAttribute('data-motion', 'static');
    expect(container.querySelectorAll('.confetti-piece')).toHaveLength(0);
    expect(container.querySelectorAll('.particle')).toHaveLength(0);
  });

  it('animates when motion is allowed', async () => {
    const { emitCelebration } = await renderApp({ snapshot: agentWeek() });
    act(() => emitCelebration(mission));
    await screen.findByText('Mission completed!', undefined, { timeout: 3000 });
    expect(card('Mission completed!')).toHaveAttribute('data-motion', 'animated');
  });

  it('honours the opt-outs: no celebrations, but kudos toasts still come unless pop-ups are off', async () => {
    const first = await renderApp({ snapshot: agentWeek(), settings: optOut({ celebrations: true }) });
    await waitFor(() => expect(first.raw.getSettings).toHaveBeenCalled());
    act(() => {
      first.emitCelebration(mission);
      first.emitCelebration(kudos);
    });
    await screen.findByText('Kudos from Sofia Brandt', undefined, { timeout: 3000 });
    expect(screen.queryByText('Mission completed!')).not.toBeInTheDocument();
    first.unmount();

    const second = await renderApp({
      snapshot: agentWeek(),
      settings: optOut({ popups: true, streaks: true }),
    });
    await screen.findByRole('heading', { name: 'Your missions' });
    await act(async () => {
      await Promise.resolve();
      second.emitCelebration(kudos);
      second.emitCelebration(streak25);
      second.emitCelebration(mission);
    });
    await screen.findByText('Mission completed!', undefined, { timeout: 3000 });
    expect(screen.queryByText('Kudos from Sofia Brandt')).not.toBeInTheDocument();
    expect(screen.queryByText('25 working days in a row')).not.toBeInTheDocument();
  });

  it('shows the static version in focus mode', async () => {
    const { emitCelebration, raw } = await renderApp({
      snapshot: agentWeek(),
      settings: { focusMode: true },
    });
    await waitFor(() => expect(raw.getSettings).toHaveBeenCalled());
    await screen.findByRole('heading', { name: 'Your missions' });
    act(() => emitCelebration(mission));
    await screen.findByText('Mission completed!', undefined, { timeout: 3000 });
    expect(card('Mission completed!')).toHaveAttribute('data-motion', 'static');
  });

  it('shows a digest of held pop-ups, and "Open" goes where most of them are', async () => {
    const { emitDigest, user } = await renderApp({ snapshot: agentWeek() });
    act(() =>
      emitDigest({
        id: 'digest-1',
        title: 'While you were busy',
        body: '3 kudos and 1 celebration waiting for you.',
        count: 4,
        target: { view: 'kudos', itemId: null },
      }),
    );
    const digest = card(
      await screen
        .findByText('While you were busy', undefined, { timeout: 3000 })
        .then((e) => e.textContent!),
    );
    expect(digest).toHaveAttribute('data-kind', 'digest');
    expect(digest).toHaveTextContent('3 kudos and 1 celebration waiting for you.');
    await user.click(within(digest).getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('heading', { name: 'Kudos for you' })).toBeInTheDocument();
  });

  it('makes a customer’s thank-you its own moment, in their words', async () => {
    const { emitCelebration } = await renderApp({ snapshot: agentWeek() });
    act(() =>
      emitCelebration({
        id: 'kudos:k-customer',
        kind: 'kudos',
        size: 'toast',
        title: 'Empathy — from A customer',
        message: '“Maya untangled my double charge in ten minutes and was kind about it.”',
        at: '2026-03-12T14:30:00Z',
        refId: 'k-customer',
      }),
    );
    const title = await screen.findByText('A customer thanked you for your empathy', undefined, {
      timeout: 3000,
    });
    const thanks = title.closest('.celebration') as HTMLElement;
    expect(thanks).toHaveAttribute('data-kind', 'thanks');
    expect(thanks).toHaveTextContent('A customer’s thank-you');
    expect(thanks.querySelector('q')).toHaveTextContent(
      'Maya untangled my double charge in ten minutes and was kind about it.',
    );
  });

  it('gives a completed mission its points, and a streak milestone its days, as the big number', async () => {
    const { emitCelebration } = await renderApp({ snapshot: agentWeek() });
    act(() => {
      emitCelebration({ ...mission, id: 'mission:m-1', message: 'Solve 40 tickets this week (+60 points)' });
      emitCelebration({ ...streak25, refId: '25' });
    });
    const done = card(
      await screen.findByText('Mission completed!', undefined, { timeout: 3000 }).then((e) => e.textContent!),
    );
    expect(done.querySelector('.celebration-highlight')).toHaveTextContent('+60points');
    expect(done).toHaveTextContent('Solve 40 tickets this week');
    expect(done).not.toHaveTextContent('(+60 points)');
    const streak = card('25 working days in a row');
    expect(streak.querySelector('.celebration-highlight')).toHaveTextContent('25days');
  });

  it('lets a bigger streak milestone replace smaller ones, and queues what does not fit instead of dropping it', async () => {
    const { emitCelebration, user } = await renderApp({ snapshot: agentWeek() });
    const streak = (n: number): Celebration => ({
      id: `streak:${n}`,
      kind: 'streak_milestone',
      size: n >= 10 ? 'confetti' : 'burst',
      title: `${n}-day streak!`,
      message: `${n} scheduled days in a row with your daily goal met.`,
      at: '2026-03-12T14:30:00Z',
      refId: String(n),
    });
    act(() => {
      emitCelebration(kudos);
      emitCelebration(streak(3));
      emitCelebration(streak(5));
      emitCelebration(streak(10));
      emitCelebration(mission);
      emitCelebration({ ...kudos, id: 'cel-k2', title: 'Kudos from Jonas Weber' });
    });
    await screen.findByText('10-day streak!', undefined, { timeout: 3000 });
    const titles = () => [...document.querySelectorAll('.celebration-title')].map((t) => t.textContent);
    expect(titles()).toEqual(['Kudos from Sofia Brandt', '10-day streak!']);
    await user.click(screen.getByRole('button', { name: 'Dismiss: Kudos from Sofia Brandt' }));
    await waitFor(() => expect(titles()).toEqual(['10-day streak!', 'Mission completed!']));
    await user.click(screen.getByRole('button', { name: 'Dismiss: 10-day streak!' }));
    await waitFor(() => expect(titles()).toEqual(['Mission completed!', 'Kudos from Jonas Weber']));
  });
});
