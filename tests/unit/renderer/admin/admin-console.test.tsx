import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { viewsFor } from '../../../../renderer/src/app/views';
import { freezeDate, renderApp } from '../helpers/render-app';
import { adminHost, adminWeek, connection, importReply, person, team } from './admin-fixtures';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

const overrides = (o: object) => o as unknown as Partial<SidekickApi>;

describe('Admin console', () => {
  it('is where an admin lands, and is not offered to a supervisor or an agent', async () => {
    await renderApp({ snapshot: adminWeek(), overrides: overrides(adminHost({})) });
    expect(await screen.findByRole('heading', { name: 'Admin console' })).toBeVisible();
    expect(screen.getByRole('main')).toHaveAttribute('aria-label', 'Admin');
    expect(viewsFor('admin')[0]).toBe('admin');
    expect(viewsFor('supervisor')).not.toContain('admin');
    expect(viewsFor('agent')).not.toContain('admin');
  });

  it('adds a Zendesk connection: the one-click test answers with the vendor’s sentence, a bad address with ours', async () => {
    const host = {
      ...adminHost({}),
      adminCheckNewConnection: vi.fn(async () => ({
        ok: true,
        message: 'Zendesk accepted the credentials and lists 2 agent(s).',
        agents: 2,
      })),
      adminCreateConnection: vi.fn(async () => connection()),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    expect(await screen.findByText('No helpdesk connected yet')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add a connection' }));
    const form = screen.getByRole('form', { name: 'Add a helpdesk connection' });
    const f = within(form);
    await user.type(f.getByLabelText('Account address'), 'http://acme.zendesk.com');
    await user.type(f.getByLabelText('Admin e-mail'), 'admin@acme.example');
    await user.type(f.getByLabelText('API token', { selector: 'input' }), 'zd-token');
    await user.click(f.getByRole('button', { name: 'Test the credentials' }));
    expect(f.getByRole('alert')).toHaveTextContent(
      'The account address must be https:// (plain http only to 127.0.0.1 or localhost).',
    );
    expect(host.adminCheckNewConnection).not.toHaveBeenCalled();

    await user.clear(f.getByLabelText('Account address'));
    await user.type(f.getByLabelText('Account address'), 'https://acme.zendesk.com');
    await user.click(f.getByRole('button', { name: 'Test the credentials' }));
    expect(await f.findByRole('status')).toHaveTextContent(
      'Zendesk accepted the credentials and lists 2 agent(s).',
    );
    expect(host.adminCheckNewConnection).toHaveBeenCalledWith({
      vendor: 'zendesk',
      baseUrl: 'https://acme.zendesk.com',
      pollSeconds: 300,
      credentials: { kind: 'api_token', email: 'admin@acme.example', token: 'zd-token' },
    });
    host.adminListConnections.mockResolvedValue({ connections: [connection()] });
    await user.click(f.getByRole('button', { name: 'Add the Zendesk connection' }));
    const item = await screen.findByRole('listitem', { name: 'Acme Zendesk (Zendesk)' });
    expect(item).toHaveTextContent('Polling on schedule.');
    expect(item).toHaveTextContent('Events imported28');
    expect(screen.queryByRole('form', { name: 'Add a helpdesk connection' })).toBeNull();
  });

  it('asks Freshdesk for an API key only, and shows a refused check as an alert', async () => {
    const host = {
      ...adminHost({}),
      adminCheckNewConnection: vi.fn(async () => ({
        ok: false,
        message: 'Freshdesk refused the credentials (401): check the API key.',
      })),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByRole('button', { name: 'Add a connection' }));
    const f = within(screen.getByRole('form', { name: 'Add a helpdesk connection' }));
    await user.selectOptions(f.getByLabelText('Helpdesk'), 'freshdesk');
    expect(f.queryByLabelText('Admin e-mail')).toBeNull();
    await user.type(f.getByLabelText('Account address'), 'https://acme.freshdesk.com');
    await user.click(f.getByRole('button', { name: 'Test the credentials' }));
    expect(f.getByRole('alert')).toHaveTextContent('The API key is required.');
    await user.type(f.getByLabelText('API key'), 'fd-key');
    await user.click(f.getByRole('button', { name: 'Test the credentials' }));
    expect(await f.findByRole('alert')).toHaveTextContent('Freshdesk refused the credentials (401)');
    expect(host.adminCheckNewConnection).toHaveBeenCalledWith(
      expect.objectContaining({ vendor: 'freshdesk', credentials: { kind: 'api_key', apiKey: 'fd-key' } }),
    );
  });

  it('tests, syncs and pauses a connection, each answered beside it; a failure is a sentence', async () => {
    const host = {
      ...adminHost({ connections: [connection({ lastError: 'Zendesk answered 503.', caughtUp: false })] }),
      adminCheckConnection: vi.fn(async () => ({ ok: true, message: 'Zendesk accepted the credentials.' })),
      adminSyncConnection: vi.fn(async () => connection()),
      adminPauseConnection: vi.fn(async () => {
        throw new Error('The server could not be reached.');
      }),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    const item = within(await screen.findByRole('listitem', { name: 'Acme Zendesk (Zendesk)' }));
    expect(item.getByText(/Last error/)).toHaveTextContent('Zendesk answered 503.');
    expect(item.getByText(/still catching up/)).toBeVisible();
    await user.click(item.getByRole('button', { name: 'Test Acme Zendesk (Zendesk)' }));
    expect(await item.findByRole('status')).toHaveTextContent('Zendesk accepted the credentials.');
    await user.click(item.getByRole('button', { name: 'Sync now Acme Zendesk (Zendesk)' }));
    expect(await item.findByRole('status')).toHaveTextContent('A sync starts within a few seconds.');
    expect(host.adminSyncConnection).toHaveBeenCalledWith({ id: 'c-1' });
    await user.click(item.getByRole('button', { name: 'Pause Acme Zendesk (Zendesk)' }));
    expect(await item.findByRole('alert')).toHaveTextContent('The server could not be reached.');
  });

  it('asks for new credentials when the vendor refused the old ones, and polls again once they are saved', async () => {
    const refused = connection({
      status: 'needs_credentials',
      statusMessage: 'Zendesk refused the credentials (401); give new ones to resume.',
    });
    const host = {
      ...adminHost({ connections: [refused] }),
      adminUpdateConnection: vi.fn(async () =>
        connection({ statusMessage: 'New credentials saved; polling again.' }),
      ),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    const item = await screen.findByRole('listitem', { name: 'Acme Zendesk (Zendesk)' });
    expect(item).toHaveTextContent('Needs new credentials');
    const form = within(within(item).getByRole('form', { name: 'New credentials for Acme Zendesk' }));
    expect(form.getByLabelText('Admin e-mail')).toHaveValue('admin@acme.example');
    await user.click(form.getByRole('button', { name: 'Save the new credentials' }));
    expect(form.getByRole('alert')).toHaveTextContent('Give the admin’s e-mail and the new API token.');
    await user.type(form.getByLabelText('New API token'), 'zd-token-2');
    await user.click(form.getByRole('button', { name: 'Save the new credentials' }));
    expect(host.adminUpdateConnection).toHaveBeenCalledWith({
      id: 'c-1',
      change: { credentials: { kind: 'api_token', email: 'admin@acme.example', token: 'zd-token-2' } },
    });
    expect(await form.findByRole('status')).toHaveTextContent('New credentials saved; polling again.');
  });

  it('shows an agent the helpdesk brought in with their metrics, and claims them into a team', async () => {
    const ana = person();
    const host = {
      ...adminHost({ people: [ana], teams: [team()] }),
      adminUpdatePerson: vi.fn(async () => ({ ...ana, claimed: true })),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('People to claim'));
    const item = await screen.findByRole('listitem', { name: 'Ana Alvarez' });
    expect(item).toHaveTextContent('email:ana@acme.example, zendesk:101');
    await user.click(within(item).getByText('Ana Alvarez'));
    const m = within(await within(item).findByLabelText('Metrics of Ana Alvarez, last 30 days'));
    expect(m.getByText('First reply time (avg)').nextElementSibling).toHaveTextContent('10 min');
    expect(m.getByText('CSAT').nextElementSibling).toHaveTextContent('not enough data (2 so far)');
    expect(host.adminPersonMetrics).toHaveBeenCalledWith({
      id: 'p-ana',
      window: { from: '2026-02-10T14:30:00.000Z', to: '2026-03-12T14:30:00.000Z' },
    });
    const claim = within(within(item).getByRole('form', { name: 'Claim Ana Alvarez' }));
    expect(claim.getByLabelText('Time zone')).toHaveValue('Europe/Warsaw');
    await user.click(claim.getByRole('button', { name: 'Claim Ana Alvarez' }));
    expect(host.adminUpdatePerson).toHaveBeenCalledWith({
      id: 'p-ana',
      change: { claimed: true, role: 'agent', teamIds: ['t-billing'], timezone: 'Europe/Warsaw' },
    });
    expect(await claim.findByRole('status')).toHaveTextContent('Ana Alvarez is claimed.');
  });

  it('says what a merge will move before merging, and merges only on the second press', async () => {
    const stranger = person();
    const ana = person({ id: 'p-ana2', name: 'Ana A.', claimed: true, handles: ['email:ana@work.example'] });
    const host = {
      ...adminHost({ people: [stranger, ana] }),
      adminMergePreview: vi.fn(async () => ({
        fromPersonId: 'p-ana',
        intoPersonId: 'p-ana2',
        handles: stranger.handles,
        events: 14,
        kudos: 1,
        allowed: true,
        reason: null,
      })),
      adminMergePerson: vi.fn(async () => ana),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('People to claim'));
    const item = await screen.findByRole('listitem', { name: 'Ana Alvarez' });
    await user.click(within(item).getByText('Ana Alvarez'));
    const merge = within(within(item).getByRole('form', { name: 'Merge Ana Alvarez into someone' }));
    expect(merge.getByLabelText('Merge into')).toHaveDisplayValue('Ana A.');
    await user.click(merge.getByRole('button', { name: 'See what will move' }));
    expect(await merge.findByRole('status')).toHaveTextContent(
      'Merging moves 2 handles (email:ana@acme.example, zendesk:101), 14 events and 1 kudos from Ana Alvarez to Ana A., then removes Ana Alvarez.',
    );
    expect(host.adminMergePerson).not.toHaveBeenCalled();
    await user.click(merge.getByRole('button', { name: 'Merge into Ana A.' }));
    await waitFor(() => expect(host.adminMergePerson).toHaveBeenCalledWith({ id: 'p-ana', into: 'p-ana2' }));
  });

  it('lists a person’s tokens with their last use, never a secret, and revokes one', async () => {
    const ben = person({ id: 'p-ben', name: 'Ben Brook', claimed: true, teamIds: ['t-billing'] });
    const host = {
      ...adminHost({ people: [ben] }),
      adminListTokens: vi.fn(async () => ({
        tokens: [
          {
            id: 'tok-1',
            personId: 'p-ben',
            kind: 'person' as const,
            label: 'laptop',
            createdAt: '2026-03-09T14:30:00.000Z',
            lastUsedAt: '2026-03-12T12:30:00.000Z',
            revokedAt: null,
            // Not in the reply's schema: a server that leaked a secret must still not get it on screen (the
            // view shows the fields it names, never the record as a whole).
            token: 'sk_leaked_0123456789',
          },
        ],
        pairingCodes: [
          {
            id: 'pc-1',
            personId: 'p-ben',
            createdAt: '2026-03-12T14:26:00.000Z',
            expiresAt: '2026-03-12T14:36:00.000Z',
          },
        ],
      })),
      adminRevokeToken: vi.fn(async () => undefined),
      adminCreateToken: vi.fn(async () => ({
        token: 'sk_shown_once_0123456789',
        id: 'tok-2',
        kind: 'person' as const,
      })),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('People (1)'));
    const item = await screen.findByRole('listitem', { name: 'Ben Brook' });
    await user.click(within(item).getByText('Ben Brook'));
    const tokens = within(await within(item).findByRole('list', { name: 'Tokens of Ben Brook' }));
    expect(tokens.getAllByRole('listitem')[0]).toHaveTextContent(
      /^Device token “laptop”, made 3 days ago, last used 2 h ago/,
    );
    expect(item).not.toHaveTextContent(/sk_leaked/);
    expect(tokens.getByText(/Pairing code made 4 min ago, unused/)).toBeVisible();
    await user.click(tokens.getByRole('button', { name: /^Revoke Device token “laptop”/ }));
    expect(host.adminRevokeToken).toHaveBeenCalledWith({ id: 'tok-1' });
    expect(await within(item).findByText('Revoked: that device is signed out now.')).toBeVisible();

    await user.type(within(item).getByLabelText('Label'), 'phone');
    await user.click(within(item).getByRole('button', { name: 'Make a token for Ben Brook' }));
    expect(host.adminCreateToken).toHaveBeenCalledWith({
      id: 'p-ben',
      token: { kind: 'person', label: 'phone' },
    });
    expect(await within(item).findByText('sk_shown_once_0123456789')).toBeVisible();
  });

  it('edits a person’s role, teams, handles and absences in one save; a malformed handle is a sentence', async () => {
    const ben = person({ id: 'p-ben', name: 'Ben Brook', claimed: true, teamIds: [] });
    const host = {
      ...adminHost({ people: [ben], teams: [team(), team({ id: 't-night', name: 'Night Owls' })] }),
      adminUpdatePerson: vi.fn(async () => ben),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('People (1)'));
    const item = await screen.findByRole('listitem', { name: 'Ben Brook' });
    await user.click(within(item).getByText('Ben Brook'));
    const form = within(await within(item).findByRole('form', { name: 'Edit Ben Brook' }));
    await user.selectOptions(form.getByLabelText('Role'), 'supervisor');
    await user.click(form.getByLabelText('Night Owls'));
    await user.type(form.getByLabelText('Add a handle'), 'ben at acme');
    await user.click(form.getByRole('button', { name: 'Save Ben Brook' }));
    expect(form.getByRole('alert')).toHaveTextContent('A handle is a kind and an id');
    expect(host.adminUpdatePerson).not.toHaveBeenCalled();
    await user.clear(form.getByLabelText('Add a handle'));
    await user.type(form.getByLabelText('Add a handle'), 'freshdesk:12');
    await user.type(form.getByLabelText('Date'), '2026-03-20');
    await user.selectOptions(form.getByLabelText('Kind'), 'sick');
    await user.click(form.getByRole('button', { name: 'Add the absence' }));
    expect(form.getByText(/2026-03-20 — Sick/)).toBeVisible();
    await user.click(form.getByRole('button', { name: 'Save Ben Brook' }));
    expect(host.adminUpdatePerson).toHaveBeenCalledWith({
      id: 'p-ben',
      change: {
        role: 'supervisor',
        teamIds: ['t-night'],
        absences: [{ date: '2026-03-20', kind: 'sick' }],
        addHandles: ['freshdesk:12'],
      },
    });
  });

  it('changes a team’s zone, schedule and daily goal', async () => {
    const host = { ...adminHost({ teams: [team()] }), adminUpdateTeam: vi.fn(async () => team()) };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('Teams (1)'));
    const item = await screen.findByRole('listitem', { name: 'Billing' });
    await user.click(within(item).getByText('Billing', { selector: 'strong' }));
    const form = within(within(item).getByRole('form', { name: 'Edit Billing' }));
    await user.clear(form.getByLabelText('Time zone'));
    await user.type(form.getByLabelText('Time zone'), 'Asia/Tokyo');
    await user.click(form.getByLabelText('Friday'));
    await user.click(form.getByLabelText('Saturday'));
    await user.clear(form.getByLabelText('Tickets solved'));
    await user.type(form.getByLabelText('Tickets solved'), '3');
    await user.click(form.getByRole('button', { name: 'Save Billing' }));
    const { '5': _friday, ...rest } = team().schedule;
    expect(host.adminUpdateTeam).toHaveBeenCalledWith({
      id: 't-billing',
      change: {
        name: 'Billing',
        timezone: 'Asia/Tokyo',
        schedule: { ...rest, '6': { start: '09:00', end: '17:00' } },
        dailyGoal: { minSatisfied: 1, minSolved: 3, noGuardrailBroken: true },
      },
    });
    expect(await form.findByRole('status')).toHaveTextContent('Saved Billing.');
  });

  it('imports a history file with a mapping and shows the summary with every rejected line', async () => {
    let finish: (reply: ReturnType<typeof importReply>) => void = () => undefined;
    const host = {
      ...adminHost({}),
      adminImportHistory: vi.fn(() => new Promise((resolve) => (finish = resolve))),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('History import'));
    const form = within(screen.getByRole('form', { name: 'Import history' }));
    await user.click(form.getByRole('button', { name: 'Import' }));
    expect(form.getByRole('alert')).toHaveTextContent('Choose the history file to import.');
    const file = new File(['ticket_id,agent\n1,zendesk:1\n'], 'tickets.csv', { type: 'text/csv' });
    await user.upload(form.getByLabelText('History file (CSV or JSON Lines)'), file);
    await user.selectOptions(form.getByLabelText('Mapping'), 'generic');
    await user.click(form.getByRole('button', { name: 'Import' }));
    // While the server works: which stage it is in, and the button cannot send the file twice.
    expect(await form.findByRole('progressbar', { name: 'Importing on the server' })).toBeVisible();
    expect(form.getByText(/^Sent 1 KB; the server is storing the events/)).toBeVisible();
    expect(form.getByRole('button', { name: 'Importing…' })).toBeDisabled();
    finish(importReply());
    const summary = within(await form.findByRole('status', { name: 'Import summary of tickets.csv' }));
    expect(summary.getByText(/5 new events from 4 records/)).toHaveTextContent(
      'tickets.csv: 5 new events from 4 records in 0.4 s, 1 already stored, 2 lines rejected. Missions, streaks and offers were recomputed.',
    );
    const rejected = summary.getAllByRole('listitem').map((li) => li.textContent);
    expect(rejected).toEqual([
      'Line 3: created_at: not an ISO-8601 time ("yesterday")',
      'Line 4: the assignee has no id',
    ]);
    expect(host.adminImportHistory).toHaveBeenCalledWith({
      query: { mapping: 'generic', format: 'csv' },
      fileName: 'tickets.csv',
      content: 'ticket_id,agent\n1,zendesk:1\n',
    });
  });

  it('shows the import warnings and the rows left out by the row filter', async () => {
    const warning = {
      kind: 'naive_times_as_utc' as const,
      count: 2,
      message:
        '2 times had no UTC offset and were read as UTC; import with --timezone if they are local times.',
      lines: [2, 3],
    };
    const host = {
      ...adminHost({}),
      adminImportHistory: vi.fn(async () => importReply({ filtered: 7, warnings: [warning] })),
    };
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    await user.click(await screen.findByText('History import'));
    const form = within(screen.getByRole('form', { name: 'Import history' }));
    const file = new File(['ticket_id,agent\n1,zendesk:1\n'], 'calls.csv', { type: 'text/csv' });
    await user.upload(form.getByLabelText('History file (CSV or JSON Lines)'), file);
    await user.click(form.getByRole('button', { name: 'Import' }));
    const summary = within(await form.findByRole('status', { name: 'Import summary of calls.csv' }));
    expect(summary.getByRole('alert', { name: 'Import warnings' })).toHaveTextContent(
      'Warning: 2 times had no UTC offset and were read as UTC',
    );
    expect(summary.getByText('Left out by the row filter').nextElementSibling).toHaveTextContent('7');
  });

  it('says in a sentence when people and teams cannot be loaded, and loads them on "Try again"', async () => {
    const host = adminHost({ people: [person()] });
    host.adminListPeople.mockRejectedValueOnce(new Error('Only admins may do that.'));
    const { user } = await renderApp({ snapshot: adminWeek(), overrides: overrides(host) });
    const alert = await screen.findByText(/People and teams could not be loaded/);
    expect(alert).toHaveTextContent('People and teams could not be loaded: Only admins may do that.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('People to claim')).toBeVisible();
  });
});
