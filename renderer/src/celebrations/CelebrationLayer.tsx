import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Celebration } from '../../../shared/domain/growth-model';
import { DEFAULT_SETTINGS, type Settings, type View } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { shouldShow, VIEW_FOR } from './policy';

const MAX_VISIBLE = 3;
const loadStage = () => import('./CelebrationStage');
const CelebrationStage = lazy(loadStage);

/**
 * Listens for celebrations from the host and shows them in a corner that never covers the work: no modal,
 * no focus stealing, at most three at once, each shown once.
 */
export function CelebrationLayer({
  settings,
  onOpen,
}: {
  settings: Settings | null;
  onOpen: (view: View) => void;
}) {
  const api = useApi();
  const [shown, setShown] = useState<Celebration[]>([]);
  const seen = useRef(new Set<string>());
  const settingsRef = useRef(settings ?? DEFAULT_SETTINGS);
  useEffect(() => {
    settingsRef.current = settings ?? DEFAULT_SETTINGS;
  }, [settings]);

  // Warm the animation chunk once the first screen is up, so the first celebration shows at once.
  useEffect(() => {
    const timer = setTimeout(() => void loadStage().catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, []);

  useEffect(
    () =>
      api.onCelebration((celebration) => {
        if (seen.current.has(celebration.id) || !shouldShow(celebration, settingsRef.current)) return;
        seen.current.add(celebration.id);
        setShown((list) => [...list, celebration].slice(-MAX_VISIBLE));
      }),
    [api],
  );

  const dismiss = useCallback((id: string) => setShown((list) => list.filter((c) => c.id !== id)), []);
  const open = useCallback(
    (celebration: Celebration) => {
      dismiss(celebration.id);
      onOpen(VIEW_FOR[celebration.kind]);
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
