import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentWeek } from './fixtures/agent-week';
import { freezeDate, renderApp } from './helpers/render-app';

// The Ideas chunk cannot be fetched, as when a browser tab loses its server before it got there.
const chunk = vi.hoisted(() => ({ reachable: false }));
vi.mock('../../../renderer/src/views/ideas/IdeasView', async (importOriginal) => {
  if (!chunk.reachable) throw new Error('Failed to fetch dynamically imported module');
  return importOriginal();
});

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('a view that cannot be loaded', () => {
  it('says so in its place, keeps the rest of the companion working, and can try again', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await user.click(screen.getByRole('button', { name: /^More/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Ideas' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This view could not be loaded');
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('heading', { name: 'Your missions' })).toBeInTheDocument();

    chunk.reachable = true;
    await user.click(screen.getByRole('button', { name: /^More/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Ideas' }));
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('form', { name: 'Share an idea' }, { timeout: 5000 })).toBeInTheDocument();
  });
});
