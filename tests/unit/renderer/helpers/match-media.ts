/**
 * A matchMedia for jsdom that answers `prefers-reduced-motion` from a switch the test flips, and tells
 * existing listeners (framer-motion subscribes once per page) when it changes.
 */
type Listener = (event: { matches: boolean; media: string }) => void;
let reduced = false;
const lists = new Set<{ media: string; listeners: Set<Listener>; matches: boolean }>();

/** Other queries a test switches on (e.g. a wide window), matched by their exact text. */
const switched = new Set<string>();
const matches = (media: string) =>
  media.includes('prefers-reduced-motion')
    ? reduced && !media.includes('no-preference')
    : switched.has(media);

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

/** Makes one media query (e.g. '(min-width: 720px)') match or not, and tells its listeners. */
export function setMediaMatch(media: string, on: boolean) {
  if (on) switched.add(media);
  else switched.delete(media);
  for (const entry of lists)
    if (entry.media === media) for (const l of entry.listeners) l({ matches: on, media });
}
