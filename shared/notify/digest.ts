import type { NavigateTarget } from '../ipc/contract';

/** What a digest says and where opening it leads; hosts render it as a native notification or a card. */
export interface DigestContent {
  title: string;
  body: string;
  target: NavigateTarget;
}

/**
 * One pop-up for everything the budget held back (focus mode, quiet hours, or a busy hour). Kudos are
 * counted apart from the other celebrations; opening it goes to whichever there is more of.
 */
export function digestFor(items: readonly { target: NavigateTarget }[]): DigestContent {
  const kudos = items.filter((i) => i.target.view === 'kudos').length;
  const others = items.length - kudos;
  const parts = [
    kudos ? `${kudos} kudos` : '',
    others ? `${others} celebration${others === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return {
    title: 'While you were busy',
    body: `${parts.join(' and ')} waiting for you.`,
    target: { view: kudos >= others ? 'kudos' : 'timeline', itemId: null },
  };
}
