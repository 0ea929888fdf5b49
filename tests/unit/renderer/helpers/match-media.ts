/**
 * A matchMedia for jsdom that answers `prefers-reduced-motion` from a switch the test flips, and tells
 * existing listeners (framer-motion subscribes once per page) when it changes.
 */
type Listener = (event: { matches: boolean; media: string }) => void;
let reduced = false;
const lists = new Set<{ media: string; listeners: Set<Listener>; matches: boolean }>();

const matches = (media: string) =>
  media.includes('prefers-reduced-motion') ? reduced && !media.includes('no-preference') : false;

export function installMatchMedia() {
  window.matchMedia = (media: string) => {
    const entry = { media, listeners: new Set<Listener>(), matches: matches(media) };
    lists.add(entry);
    const mql = {
      media,
      get matches() {
        return matches(media);
      },
      onchange: null,
      addEventListener: (_: string, l: Listener) => entry.listeners.add(l),
      removeEventListener: (_: string, l: Listener) => entry.listeners.delete(l),
      addListener: (l: Listener) => entry.listeners.add(l),
      removeListener: (l: Listener) => entry.listeners.delete(l),
      dispatchEvent: () => true,
    };
    return mql as unknown as MediaQueryList;
  };
}

export function setReducedMotion(on: boolean) {
  reduced = on;
  for (const entry of lists)
    for (const l of entry.listeners) l({ matches: matches(entry.media), media: entry.media });
}
