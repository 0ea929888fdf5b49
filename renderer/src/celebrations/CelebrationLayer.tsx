import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Kudos } from '../../../shared/domain/people-model';
import { DEFAULT_SETTINGS, type NavigateTarget, type Settings } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { momentOf, momentOfDigest, type Moment } from './moment';
import { shouldShow } from './policy';

const MAX_VISIBLE = 3;
const loadStage = () => import('./CelebrationStage');
const CelebrationStage = lazy(loadStage);

/**
 * Listens for celebrations (and digests of held pop-ups) from the host and shows them in a corner that never
 * covers the work: no modal, no focus stealing, at most three at once, each shown once.
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
  const [shown, setShown] = useState<Moment[]>([]);
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

  useEffect(() => {
    const add = (moment: Moment) => {
      if (seen.current.has(moment.id)) return;
      seen.current.add(moment.id);
      setShown((list) => [...list, moment].slice(-MAX_VISIBLE));
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

  const dismiss = useCallback((id: string) => setShown((list) => list.filter((c) => c.id !== id)), []);
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
