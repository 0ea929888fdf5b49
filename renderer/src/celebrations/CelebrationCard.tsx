import { motion, useReducedMotion } from 'framer-motion';
import { useEffect, useRef } from 'react';
import type { Celebration } from '../../../shared/domain/growth-model';
import { LINGER_MS } from './policy';
import { Burst, Confetti } from './Particles';

// Plain symbols that common system fonts carry (no colour-emoji font is needed to see them).
const ICONS: Record<Celebration['kind'], string> = {
  kudos: '♥',
  mission_completed: '✓',
  streak_milestone: '✦',
  personal_best: '★',
  level_up: '↑',
};

/**
 * One celebration, sized to the moment: a warm toast for kudos, a burst for a mission or a best, confetti
 * for a big streak. It never takes focus, fades by itself, and can be dismissed or opened. Under reduced
 * motion (or in focus mode) it is the same card without any movement.
 */
export function CelebrationCard({
  celebration,
  calm,
  onDismiss,
  onOpen,
}: {
  celebration: Celebration;
  calm: boolean;
  onDismiss: () => void;
  onOpen: () => void;
}) {
  const reduced = useReducedMotion() ?? false;
  const still = reduced || calm;
  // The parent re-renders often; the fade-out timer must start once per celebration, not once per render.
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  useEffect(() => {
    const timer = setTimeout(() => dismissRef.current(), LINGER_MS[celebration.size]);
    return () => clearTimeout(timer);
  }, [celebration.id, celebration.size]);
  const body = (
    <>
      <span className="celebration-icon" aria-hidden="true">
        {ICONS[celebration.kind]}
      </span>
      <div className="celebration-text">
        <strong>{celebration.title}</strong>
        <span>{celebration.message}</span>
      </div>
      <div className="celebration-actions">
        <button type="button" className="small" onClick={onOpen}>
          Open
        </button>
        <button
          type="button"
          className="small ghost"
          onClick={onDismiss}
          aria-label={`Dismiss: ${celebration.title}`}
        >
          ✕
        </button>
      </div>
    </>
  );
  const className = `celebration celebration-${celebration.size}${still ? ' still' : ''}`;
  if (still) {
    return (
      <div className={className} data-motion="static" data-kind={celebration.kind}>
        {body}
      </div>
    );
  }
  return (
    <>
      {celebration.size === 'confetti' && <Confetti />}
      <motion.div
        className={className}
        data-motion="animated"
        data-kind={celebration.kind}
        initial={{ opacity: 0, y: 24, scale: celebration.size === 'toast' ? 1 : 0.9 }}
        animate={{ opacity: 1, y: 0, scale: 1 }}
        exit={{ opacity: 0, y: 12 }}
        transition={{ type: 'spring', stiffness: 320, damping: 24 }}
      >
        {celebration.size !== 'toast' && <Burst />}
        {body}
      </motion.div>
    </>
  );
}
