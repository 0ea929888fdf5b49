import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek, supervisorWeek } from './fixtures/agent-week';
import { setMediaMatch } from './helpers/match-media';
import { freezeDate, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('the companion shell', () => {
  it('asks a signed-out person to sign in, with the server address defaulting to the page origin', async () => {
    const { raw, user } = await renderApp({ state: { connection: 'signed_out' } });
    const server = await screen.findByLabelText('Server address');
    expect(server).toHaveValue(window.location.origin);
    await user.click(screen.getByRole('button', { name: 'I have a token instead' }));
    await user.type(screen.getByLabelText('Token'), 'sk_agent_0123456789abcdef');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(raw.signIn).toHaveBeenCalledWith({
      serverUrl: window.location.origin,
      token: 'sk_agent_0123456789abcdef',
    });
  });

  it('says what is wrong with a token that is too short, without calling the host', async () => {
    const { raw, user } = await renderApp({ state: { connection: 'signed_out' } });
    await user.click(await screen.findByRole('button', { name: 'I have a token instead' }));
    await user.type(await screen.findByLabelText('Token'), 'short');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('token looks too short');
    expect(raw.signIn).not.toHaveBeenCalled();
  });

  it('shows the error the host gives when sign-in fails', async () => {
    const { user } = await renderApp({
      state: { connection: 'signed_out' },
      overrides: {
        signIn: vi.fn(async () =>
          Promise.reject(
            new Error(
              "Error invoking remote method 'sidekick:invoke:signIn': Error: The server did not accept this token (401).",
            ),
          ),
        ),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'I have a token instead' }));
    await user.type(await screen.findByLabelText('Token'), 'sk_agent_0123456789abcdef');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not accept this token (401).');
  });

  it('shows "connecting" while signed in but before the first state arrives', async () => {
    await renderApp({ state: { connection: 'connecting' } });
    expect(await screen.findByText('Connecting to your server…')).toBeInTheDocument();
  });

  it('keeps the last state while offline and says how old it is and what is queued', async () => {
    await renderApp({
      snapshot: agentWeek(),
      state: { connection: 'offline', staleSince: '2026-03-12T14:18:00Z', pendingActions: 2 },
    });
    const banner = screen.getByText(/Offline — as of 12 min ago/).closest('[role="status"]');
    expect(banner).toHaveTextContent('2 actions queued');
    expect(screen.getByText('27 of 40 solved, 3 days left')).toBeInTheDocument();
  });

  it('goes back online when the host says so', async () => {
    const { emitState } = await renderApp({
      snapshot: agentWeek(),
      state: { connection: 'offline', staleSince: '2026-03-12T14:18:00Z' },
    });
    act(() => emitState({ connection: 'online', staleSince: null }));
    await waitFor(() => expect(screen.queryByText(/Offline/)).not.toBeInTheDocument());
    expect(screen.getByRole('img', { name: 'Online' })).toBeInTheDocument();
  });

  it('hides the team view from agents and shows it to supervisors', async () => {
    const agent = await renderApp({ snapshot: agentWeek() });
    expect(screen.queryByRole('button', { name: 'Team' })).not.toBeInTheDocument();
    agent.unmount();
    await renderApp({ snapshot: supervisorWeek() });
    expect(screen.getByRole('button', { name: 'Team' })).toBeInTheDocument();
  });

  it('marks the current view and counts unread kudos on the Kudos tab', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    expect(screen.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
    const kudosTab = screen.getByRole('button', { name: /^Kudos/ });
    expect(kudosTab).toHaveTextContent('1');
    await user.click(kudosTab);
    expect(kudosTab).toHaveAttribute('aria-current', 'page');
  });

  it('opens the view a notification asks for', async () => {
    const { emitNavigate } = await renderApp({ snapshot: agentWeek() });
    act(() => emitNavigate({ view: 'kudos', itemId: 'k-lead' }));
    expect(await screen.findByRole('heading', { name: 'Kudos for you' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: /Kudos from Sofia Brandt/ })).toHaveClass('highlighted');
  });

  it('closes the popover on Escape', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await user.keyboard('{Escape}');
    expect(raw.closePopover).toHaveBeenCalled();
  });

  it('says so when the host cannot give a state at all', async () => {
    await renderApp({
      overrides: { getState: vi.fn(async () => Promise.reject(new Error('storage is corrupt'))) },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sidekick could not start: storage is corrupt',
    );
  });

  it('refuses a host answer that breaks the contract', async () => {
    await renderApp({ overrides: { getState: vi.fn(async () => ({ connection: 'online' })) as never } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Sidekick could not start');
  });
});

describe('the validating wrapper around window.sidekick', () => {
  it('turns a method the host lacks into a clear error on that call only', async () => {
    const { validatedApi } = await import('../../../renderer/src/api/validated-api');
    const { createFakeApi } = await import('./helpers/fake-api');
    const { raw } = createFakeApi({ snapshot: agentWeek() });
    const { saveFile: _missing, onNavigate: _gone, ...partial } = raw;
    const api = validatedApi(partial as unknown as Parameters<typeof validatedApi>[0]);
    await expect(
      api.saveFile({ suggestedName: 'a.json', mimeType: 'application/json', base64: '' }),
    ).rejects.toThrow('cannot do "saveFile"');
    expect((await api.getState()).connection).toBe('online');
    expect(typeof api.onNavigate(() => undefined)).toBe('function');
  });

  it('drops a pushed event that breaks the contract', async () => {
    const { emitState, raw } = await renderApp({ snapshot: agentWeek() });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() => emitState({ pendingActions: -3 }));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('malformed "state" event'), expect.anything());
    expect(screen.queryByText(/actions? queued/)).not.toBeInTheDocument();
    expect(raw.getState).toHaveBeenCalledTimes(1);
  });

  it('keeps the navigation to one row at popover width: three tabs, the rest in "More"', async () => {
    await renderApp({ snapshot: agentWeek() });
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Today', 'Kudos1', 'Timeline', 'More▾']);
    expect(within(nav).getByRole('button', { name: /^More/ })).toHaveAttribute('aria-haspopup', 'menu');
    expect(within(nav).queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens "More" from the keyboard, moves with the arrows, and Escape returns to the button', async () => {
    const { user, raw } = await renderApp({ snapshot: agentWeek() });
    const more = screen.getByRole('button', { name: /^More/ });
    more.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'More views' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Profile', 'Board', 'Coaching', 'Ideas', 'Settings']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(more).toHaveFocus();
    // Escape closed the menu, not the popover.
    expect(raw.closePopover).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
    expect(screen.getByRole('button', { name: /^More/ })).toHaveTextContent('More: Settings');
    expect(screen.getByRole('button', { name: /^More/ })).toHaveFocus();
  });

  it('shows every view as a tab on a wide window', async () => {
    setMediaMatch('(min-width: 720px)', true);
    try {
      await renderApp({ snapshot: agentWeek() });
      const nav = screen.getByRole('navigation', { name: 'Views' });
      expect(within(nav).queryByRole('button', { name: /^More/ })).not.toBeInTheDocument();
      expect(within(nav).getAllByRole('button')).toHaveLength(8);
    } finally {
      setMediaMatch('(min-width: 720px)', false);
    }
  });
});
