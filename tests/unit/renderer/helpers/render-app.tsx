import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import { App } from '../../../../renderer/src/app/App';
import { FIXTURE_NOW } from '../fixtures/agent-week';
import { createFakeApi, type FakeOptions } from './fake-api';

/** Fixes the clock's date (timers stay real) at the fixture's "now", so "2 h ago" wording is stable. */
export function freezeDate(at = FIXTURE_NOW) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(at) });
}

/** Renders the whole companion on a fake host and waits until its first state is shown. */
export async function renderApp(options: FakeOptions = {}) {
  const fake = createFakeApi(options);
  const user = userEvent.setup();
  const utils = render(<App api={fake.api} />);
  if (options.snapshot) await screen.findByRole('navigation', { name: 'Views' });
  // Flush passive effects, so the views' subscriptions (celebrations, navigation) exist before a test emits.
  await act(async () => undefined);
  return { ...utils, ...fake, user };
}

/** Opens a view from the navigation bar: its tab, or its item in the "More" menu (a popover-wide bar). */
export async function openView(user: ReturnType<typeof userEvent.setup>, name: string) {
  const nav = within(screen.getByRole('navigation', { name: 'Views' }));
  const tab = nav.queryByRole('button', { name: new RegExp(`^${name}`) });
  if (tab) await user.click(tab);
  else {
    await user.click(nav.getByRole('button', { name: /^More/ }));
    await user.click(nav.getByRole('menuitem', { name: new RegExp(`^${name}`) }));
  }
  // Most views are chunks loaded on demand: wait until the view itself is there.
  await waitFor(() => expect(document.querySelector('[data-view-loading]')).toBeNull(), { timeout: 5000 });
}
