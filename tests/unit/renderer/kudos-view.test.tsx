import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kudos } from '../../../shared/domain/people-model';
import { agentWeek, FIXTURE_NOW, supervisorWeek } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => {
  freezeDate();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

const inbox = () => screen.getByRole('tabpanel');
const inboxItems = () =>
  within(inbox())
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('kudos-item'));

/** The "Give kudos" tab, one tap away. */
async function openGive(user: { click: (element: Element) => Promise<void> }) {
  await user.click(screen.getByRole('tab', { name: 'Give kudos' }));
  await screen.findByRole('form', { name: 'Send kudos' }, { timeout: 5000 });
}

/** `n` kudos from Jonas, one an hour back from the fixture's now, the oldest last. */
const manyKudos = (n: number): Kudos[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `k-many-${String(i).padStart(2, '0')}`,
    kind: 'peer' as const,
    fromPersonId: 'p-jonas',
    fromName: 'Jonas Weber',
    toPersonId: 'p-maya',
    toName: 'Maya Okafor',
    message: `Thanks for ticket number ${i}.`,
    value: 'Teamwork' as const,
    ticketId: null,
    ticketUrl: null,
    customerQuote: null,
    at: new Date(Date.parse(FIXTURE_NOW) - (i + 1) * 3_600_000).toISOString(),
    thankedAt: null,
    readAt: i < 3 ? null : '2026-03-12T00:00:00Z',
  }));

describe('Kudos', () => {
  it('lists kudos newest first in day groups, marks the unread one and quotes the customer', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    const items = inboxItems();
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'Kudos from Sofia Brandt, new',
      'Kudos from A customer',
      'Kudos from Jonas Weber',
    ]);
    expect(
      within(inbox())
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Today', 'Yesterday', 'This week']);
    expect(items[0]).toHaveTextContent('New');
    expect(items[0]).toHaveTextContent('(supervisor) · 1 h ago');
    expect(items[1]).toHaveTextContent(
      '“Maya untangled my double charge in ten minutes and was kind about it.”',
    );
    expect(within(items[1]!).queryByRole('button', { name: /thanks/i })).not.toBeInTheDocument();
    expect(within(items[2]!).getByRole('button', { name: 'Thanked Jonas Weber' })).toBeDisabled();
  });

  it('marks what is shown as read once it has been on screen a moment, keeping "New" for this visit', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await waitFor(() => expect(raw.markKudosRead).toHaveBeenCalledWith({ kudosIds: ['k-lead'] }));
    expect(raw.markKudosRead).toHaveBeenCalledTimes(1);
    expect(inboxItems()[0]).toHaveTextContent('New');
  });

  it('shows a long inbox a page at a time, newest first', async () => {
    const week = agentWeek();
    const { user } = await renderApp({
      snapshot: { ...week, kudos: { ...week.kudos, inbox: manyKudos(25) } },
    });
    await openView(user, 'Kudos');
    expect(inboxItems()).toHaveLength(10);
    expect(inboxItems()[0]).toHaveTextContent('ticket number 0.');
    await user.click(screen.getByRole('button', { name: /^Show 10 more/ }));
    expect(inboxItems()).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: /^Show 5 more/ }));
    expect(inboxItems()).toHaveLength(25);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).not.toBeInTheDocument();
  });

  it('"Open" on a kudos pop-up lands on that kudos, on its page, highlighted and focused', async () => {
    const week = agentWeek();
    const { user, emitCelebration } = await renderApp({
      snapshot: { ...week, kudos: { ...week.kudos, inbox: manyKudos(25) } },
    });
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    act(() =>
      emitCelebration({
        id: 'cel-old',
        kind: 'kudos',
        size: 'toast',
        title: 'Teamwork — from Jonas Weber',
        message: 'Thanks for ticket number 17.',
        at: FIXTURE_NOW,
        refId: 'k-many-17',
      }),
    );
    const toast = (
      await screen.findByText('Teamwork — from Jonas Weber', undefined, { timeout: 3000 })
    ).closest('.celebration') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Open' }));
    const target = document.getElementById('kudos-k-many-17')!;
    expect(target).toBeInTheDocument();
    await waitFor(() => expect(target).toHaveClass('highlighted'));
    expect(scrolled).toContain(target);
    expect(document.activeElement).toBe(target);
  });

  it('says thanks in one click', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('button', { name: 'Say thanks to Sofia Brandt' }));
    expect(raw.thankKudos).toHaveBeenCalledWith({ kudosId: 'k-lead' });
    expect(await screen.findByRole('button', { name: 'Thanked Sofia Brandt' })).toBeDisabled();
  });

  it('labels a ticket by its number, without the link’s query string', async () => {
    const week = agentWeek();
    const [customer, lead, jonas] = week.kudos.inbox;
    const { raw, user } = await renderApp({
      snapshot: {
        ...week,
        kudos: {
          ...week.kudos,
          inbox: [
            customer!,
            {
              ...lead!,
              ticketId: '48190?via=mail',
              ticketUrl: 'https://acme.zendesk.com/agent/tickets/48190?via=mail#c3',
            },
            jonas!,
          ],
        },
      },
    });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('link', { name: 'Ticket 48190' }));
    expect(raw.openExternal).toHaveBeenCalledWith('https://acme.zendesk.com/agent/tickets/48190?via=mail#c3');
  });

  it('marks all unread kudos as read', async () => {
    const week = agentWeek();
    const { raw, user } = await renderApp({
      snapshot: { ...week, kudos: { ...week.kudos, inbox: manyKudos(25) } },
    });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(raw.markKudosRead).toHaveBeenCalledWith({ kudosIds: ['k-many-00', 'k-many-01', 'k-many-02'] });
  });

  it('sends kudos from the "Give kudos" tab, one tap away, with a value and a ticket link', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await openGive(user);
    const form = screen.getByRole('form', { name: 'Send kudos' });
    expect(form).toHaveTextContent('3 of 5 kudos left to give today.');
    expect(within(form).queryByRole('option', { name: 'Maya Okafor' })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Send to'), 'Ana Lima');
    await user.click(within(form).getByRole('radio', { name: 'Tough customer' }));
    await user.type(
      within(form).getByLabelText('What they did'),
      'Calmed down the Nowak escalation on the phone.',
    );
    await user.type(
      within(form).getByLabelText('Ticket (optional)'),
      'https://acme.zendesk.com/agent/tickets/48222?brand=2',
    );
    await user.click(within(form).getByRole('button', { name: 'Send kudos' }));
    expect(raw.sendKudos).toHaveBeenCalledWith({
      toPersonId: 'p-ana',
      value: 'Tough customer',
      message: 'Calmed down the Nowak escalation on the phone.',
      ticketId: '48222',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/48222?brand=2',
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Kudos sent');
    expect(within(form).getByLabelText('What they did')).toHaveValue('');
  });

  it('switches tabs with the arrow keys', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    const received = screen.getByRole('tab', { name: /^Received/ });
    received.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Give kudos' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Give kudos' })).toHaveFocus();
  });

  it('keeps the kudos being typed when the token is revoked, and after signing in again', async () => {
    const { user, emitState } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await openGive(user);
    await user.selectOptions(screen.getByLabelText('Send to'), 'Kofi Mensah');
    await user.type(screen.getByLabelText('What they did'), 'Took my chats while I was at the dentist');
    act(() => emitState({ connection: 'signed_out', lastError: 'This token was revoked.' }));
    expect(await screen.findByLabelText('Pairing code')).toBeInTheDocument();
    act(() => emitState({ connection: 'online', lastError: null }));
    await openView(user, 'Kudos');
    await openGive(user);
    expect(screen.getByLabelText('What they did')).toHaveValue('Took my chats while I was at the dentist');
    expect(screen.getByLabelText('Send to')).toHaveValue('p-kofi');
  });

  it('asks what they did when the message is empty', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await openGive(user);
    await user.click(screen.getByRole('button', { name: 'Send kudos' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say what they did');
    expect(raw.sendKudos).not.toHaveBeenCalled();
  });

  it('thanks the giver and disables sending when the daily cap is used up', async () => {
    const week = agentWeek();
    const { user } = await renderApp({ snapshot: { ...week, kudos: { ...week.kudos, sentToday: 5 } } });
    await openView(user, 'Kudos');
    await openGive(user);
    expect(screen.getByText(/You have given all your kudos for today/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send kudos' })).toBeDisabled();
  });

  it('tells a supervisor their kudos are uncapped, not "5 of 5 kudos left"', async () => {
    const { user } = await renderApp({ snapshot: supervisorWeek() });
    await openView(user, 'Kudos');
    await openGive(user);
    const form = screen.getByRole('form', { name: 'Send kudos' });
    expect(form).toHaveTextContent('Your kudos as a supervisor are uncapped');
    expect(form).not.toHaveTextContent(/kudos left to give today/);
    expect(within(form).getByRole('button', { name: 'Send kudos' })).toBeEnabled();
  });

  it('shows a quiet count of what is new, in words for screen readers', async () => {
    await renderApp({ snapshot: agentWeek() });
    const kudosTab = screen.getByRole('button', { name: /^Kudos/ });
    expect(within(kudosTab).getByLabelText('1 new')).toHaveTextContent('1');
  });

  it('explains an empty inbox', async () => {
    const week = agentWeek();
    const { user } = await renderApp({ snapshot: { ...week, kudos: { ...week.kudos, inbox: [] } } });
    await openView(user, 'Kudos');
    expect(screen.getByText('No kudos yet')).toBeInTheDocument();
  });
});
