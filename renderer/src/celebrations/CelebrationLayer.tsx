import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Kudos } from '../../../shared/domain/people-model';
import { DEFAULT_SETTINGS, type NavigateTarget, type Settings } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { momentOf, momentOfDigest, type Moment } from './moment';
import { shouldShow } from './policy';

/** Two at once at most: in a 600 px popover a third big card would cover the work. */
const MAX_VISIBLE = 2;
const loadStage = () => import('./CelebrationStage');
const CelebrationStage = lazy(loadStage);

type Moments = { shown: Moment[]; waiting: Moment[] };

/** A streak milestone says it all: a 10-day streak arriving with the 3- and 5-day ones replaces them. */
const supersedes = (next: Moment, old: Moment) =>
  next.kind === 'streak_milestone' &&
  old.kind === 'streak_milestone' &&
  Number(next.highlight?.value ?? 0) >= Number(old.highlight?.value ?? 0);

/** At most two on screen; the rest wait their turn (a customer's thank-you is never pushed away). */
function arrive({ shown, waiting }: Moments, moment: Moment): Moments {
  const keepShown = shown.filter((m) => !supersedes(moment, m));
  const keepWaiting = waiting.filter((m) => !supersedes(moment, m));
  return keepShown.length < MAX_VISIBLE
    ? { shown: [...keepShown, moment], waiting: keepWaiting }
    : { shown: keepShown, waiting: [...keepWaiting, moment] };
}

function leave({ shown, waiting }: Moments, id: string): Moments {
  const rest = shown.filter((m) => m.id !== id);
  const [next, ...later] = waiting;
  return next && rest.length < MAX_VISIBLE
    ? { shown: [...rest, next], waiting: later }
    : { shown: rest, waiting };
}

/**
 * Listens for celebrations (and digests of held pop-ups) from the host and shows them in a corner that never
 * covers the work: no modal, no focus stealing, at most two at once (the rest wait their turn), each shown once.
 */
export function CelebrationLayer({
  settings,
  kudos,
  onOpen,
}: {
  settings: Settings | null;
  /** The inbox, to tell a customer's thank-you from a teammate's kudos. */
  kudos: readonly Kudos[];
  onOpen: (target: NavigateTarget) => void;
}) {
  const api = useApi();
  const [moments, setMoments] = useState<Moments>({ shown: [], waiting: [] });
  const shown = moments.shown;
  const seen = useRef(new Set<string>());
  const settingsRef = useRef(settings ?? DEFAULT_SETTINGS);
  const kudosRef = useRef(kudos);
  useEffect(() => {
    settingsRef.current = settings ?? DEFAULT_SETTINGS;
    kudosRef.current = kudos;
  }, [settings, kudos]);

  // Warm the animation chunk once the first screen is up, so the first celebration shows at once.
  useEffect(() => {
    const timer = setTimeout(() => void loadStage().catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, []);

  // The host pushes a kudos (state) just before its celebration; read it from there, not from the next
  // render, so a customer's thank-you is known as one the moment it pops up.
  useEffect(
    () =>
      api.onState((state) => {
        if (state.snapshot) kudosRef.current = state.snapshot.kudos.inbox;
      }),
    [api],
  );

  useEffect(() => {
    const add = (moment: Moment) => {
      if (seen.current.has(moment.id)) return;
      seen.current.add(moment.id);
      setMoments((m) => arrive(m, moment));
    };
    const offCelebration = api.onCelebration((celebration) => {
      if (!shouldShow(celebration, settingsRef.current)) return;
      add(momentOf(celebration, (id) => kudosRef.current.find((k) => k.id === id)));
    });
    const offDigest = api.onDigest((digest) => add(momentOfDigest(digest)));
    return () => {
      offCelebration();
      offDigest();
    };
  }, [api]);

  const dismiss = useCallback((id: string) => setMoments((m) => leave(m, id)), []);
  const open = useCallback(
    (moment: Moment) => {
      dismiss(moment.id);
      onOpen(moment.target);
    },
    [dismiss, onOpen],
  );
  return (
    <div className="celebrations" aria-live="polite">
      <Suspense fallback={null}>
        {shown.length > 0 && (
          <CelebrationStage
            shown={shown}
            calm={settings?.focusMode ?? false}
            onDismiss={dismiss}
            onOpen={open}
          />
        )}
      </Suspense>
    </div>
  );
}
