import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('sign-in: a pairing code first, a token as the alternative', () => {
  it('offers the pairing code first and sends what was typed to the host', async () => {
    const { raw, user } = await renderApp({ state: { connection: 'signed_out' } });
    const form = await screen.findByRole('form', { name: 'Sign in with a pairing code' });
    expect(within(form).getByLabelText('Server address')).toHaveValue(window.location.origin);
    expect(screen.queryByLabelText('Token')).toBeNull();
    expect(within(form).getByLabelText('Pairing code')).toHaveAccessibleDescription(
      'Ask your team lead or admin for a code. It works once, for 10 minutes.',
    );
    await user.type(within(form).getByLabelText('Pairing code'), 'k7mq 3xwp');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(raw.pairDevice).toHaveBeenCalledWith({ serverUrl: window.location.origin, code: 'k7mq 3xwp' });
    expect(raw.signIn).not.toHaveBeenCalled();
  });

  it('says what a pairing code looks like when the one typed cannot be one, without calling the host', async () => {
    const { raw, user } = await renderApp({ state: { connection: 'signed_out' } });
    await user.type(await screen.findByLabelText('Pairing code'), 'K7MQ-3XW0');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A pairing code is 8 letters and digits, like ABCD-EFGH.',
    );
    expect(raw.pairDevice).not.toHaveBeenCalled();
  });

  it('shows the server’s sentence for an expired or used code', async () => {
    const { user } = await renderApp({
      state: { connection: 'signed_out' },
      overrides: {
        pairDevice: vi.fn(async () =>
          Promise.reject(
            new Error('This pairing code has expired (codes last 10 minutes). Ask for a new one.'),
          ),
        ),
      },
    });
    await user.type(await screen.findByLabelText('Pairing code'), 'K7MQ-3XWP');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This pairing code has expired');
  });

  it('keeps the token paste as the alternative, and can go back to the code', async () => {
    const { raw, user } = await renderApp({ state: { connection: 'signed_out' } });
    await user.click(await screen.findByRole('button', { name: 'I have a token instead' }));
    const form = screen.getByRole('form', { name: 'Sign in with a token' });
    await user.type(within(form).getByLabelText('Token'), 'sk_agent_0123456789abcdef');
    await user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(raw.signIn).toHaveBeenCalledWith({
      serverUrl: window.location.origin,
      token: 'sk_agent_0123456789abcdef',
    });
    await user.click(screen.getByRole('button', { name: 'Use a pairing code instead' }));
    expect(screen.getByLabelText('Pairing code')).toBeInTheDocument();
  });
});

describe('Team: pair a device for an agent', () => {
  it('makes a one-time code for that agent and shows it grouped, with when it stops working', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const kofi = await screen.findByRole('listitem', { name: 'Kofi Mensah' });
    await user.click(within(kofi).getByRole('button', { name: 'Pair a device for Kofi Mensah' }));
    expect(raw.createPairingCode).toHaveBeenCalledWith({ personId: 'p-kofi' });
    const code = await within(kofi).findByRole('status', { name: 'Pairing code for Kofi Mensah' });
    expect(code).toHaveTextContent('K7MQ-3XWP');
    // 14:30 UTC is 15:30 in Warsaw, the supervisor's zone; the code lasts 10 minutes.
    expect(code).toHaveTextContent('Works once, until 15:40 (10 minutes).');
  });

  it('says why when the server refuses to make a code', async () => {
    const { user } = await renderApp({
      snapshot: supervisorWeek(),
      overview: teamOverview(),
      overrides: {
        createPairingCode: vi.fn(async () =>
          Promise.reject(new Error('This person is not in a team you supervise.')),
        ),
      },
    });
    await openView(user, 'Team');
    const maya = await screen.findByRole('listitem', { name: 'Maya Okafor' });
    await user.click(within(maya).getByRole('button', { name: 'Pair a device for Maya Okafor' }));
    await waitFor(() =>
      expect(within(maya).getByRole('alert')).toHaveTextContent(
        'This person is not in a team you supervise.',
      ),
    );
  });
});
