import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

const inboxItems = () =>
  within(screen.getByRole('region', { name: 'Kudos for you' }))
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('kudos'));

describe('Kudos', () => {
  it('lists kudos newest first, marks the unread one and quotes the customer', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    const items = inboxItems();
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'Kudos from Sofia Brandt, new',
      'Kudos from A customer',
      'Kudos from Jonas Weber',
    ]);
    expect(items[0]).toHaveTextContent('New');
    expect(items[0]).toHaveTextContent('(supervisor) · 1 h ago');
    expect(items[1]).toHaveTextContent(
      '“Maya untangled my double charge in ten minutes and was kind about it.”',
    );
    expect(within(items[1]!).queryByRole('button', { name: /thanks/i })).not.toBeInTheDocument();
    expect(within(items[2]!).getByRole('button', { name: 'Thanked Jonas Weber' })).toBeDisabled();
  });

  it('says thanks in one click', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('button', { name: 'Say thanks to Sofia Brandt' }));
    expect(raw.thankKudos).toHaveBeenCalledWith({ kudosId: 'k-lead' });
    expect(await screen.findByRole('button', { name: 'Thanked Sofia Brandt' })).toBeDisabled();
  });

  it('opens a ticket link through the host', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('link', { name: 'Ticket 48190' }));
    expect(raw.openExternal).toHaveBeenCalledWith('https://acme.zendesk.com/agent/tickets/48190');
  });

  it('marks all unread kudos as read', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(raw.markKudosRead).toHaveBeenCalledWith({ kudosIds: ['k-lead'] });
  });

  it('sends kudos to a teammate with a value and a ticket link, showing the daily cap', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
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
      'https://acme.zendesk.com/agent/tickets/48222',
    );
    await user.click(within(form).getByRole('button', { name: 'Send kudos' }));
    expect(raw.sendKudos).toHaveBeenCalledWith({
      toPersonId: 'p-ana',
      value: 'Tough customer',
      message: 'Calmed down the Nowak escalation on the phone.',
      ticketId: '48222',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/48222',
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Kudos sent');
  });

  it('asks what they did when the message is empty', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Kudos');
    await user.click(screen.getByRole('button', { name: 'Send kudos' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say what they did');
    expect(raw.sendKudos).not.toHaveBeenCalled();
  });

  it('thanks the giver and disables sending when the daily cap is used up', async () => {
    const week = agentWeek();
    const { user } = await renderApp({ snapshot: { ...week, kudos: { ...week.kudos, sentToday: 5 } } });
    await openView(user, 'Kudos');
    expect(screen.getByText(/You have given all your kudos for today/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send kudos' })).toBeDisabled();
  });

  it('explains an empty inbox', async () => {
    const week = agentWeek();
    const { user } = await renderApp({ snapshot: { ...week, kudos: { ...week.kudos, inbox: [] } } });
    await openView(user, 'Kudos');
    expect(screen.getByText('No kudos yet')).toBeInTheDocument();
  });
});
