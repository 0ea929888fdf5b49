import { motion, useReducedMotion } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { LINGER_MS } from './policy';
import type { Moment, MomentKind } from './moment';
import { Burst, Confetti } from './Particles';

// Plain symbols that common system fonts carry (no colour-emoji font is needed to see them).
const ICONS: Record<MomentKind, string> = {
  kudos: '♥',
  thanks: '❝',
  mission_completed: '✓',
  streak_milestone: '✦',
  personal_best: '★',
  level_up: '↑',
  digest: '☰',
  weekly_recap: '▤',
  team_briefing: '▤',
};

/**
 * One moment, sized to it: a warm toast for kudos, a medal card with a burst for a mission or a best,
 * confetti for a big streak or a new level, the customer's own words for a thank-you. It never takes focus,
 * fades by itself, and can be dismissed or opened. Under reduced motion (or in focus mode) it is the same
 * card without any movement.
 */
export function CelebrationCard({
  moment,
  calm,
  onDismiss,
  onOpen,
}: {
  moment: Moment;
  calm: boolean;
  onDismiss: () => void;
  onOpen: () => void;
}) {
  const reduced = useReducedMotion() ?? false;
  const still = reduced || calm;
  // The parent re-renders often; the fade-out timer must start once per moment, not once per render.
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  });
  useEffect(() => {
    const timer = setTimeout(() => dismissRef.current(), LINGER_MS[moment.size]);
    return () => clearTimeout(timer);
  }, [moment.id, moment.size]);
  const body = (
    <>
      <span className="celebration-icon" aria-hidden="true">
        {ICONS[moment.kind]}
      </span>
      <div className="celebration-text">
        <span className="celebration-eyebrow">{moment.eyebrow}</span>
        <strong className="celebration-title">{moment.title}</strong>
        {moment.quote ? (
          <q className="celebration-quote">{moment.quote}</q>
        ) : (
          moment.message && <span className="celebration-message">{moment.message}</span>
        )}
      </div>
      {moment.highlight && (
        <span className="celebration-highlight">
          <span className="celebration-highlight-value">{moment.highlight.value}</span>
          <span className="celebration-highlight-unit">{moment.highlight.unit}</span>
        </span>
      )}
      <div className="celebration-actions">
        <button type="button" className="small" onClick={onOpen}>
          Open
        </button>
        <button
          type="button"
          className="small ghost"
          onClick={onDismiss}
          aria-label={`Dismiss: ${moment.title}`}
        >
          ✕
        </button>
      </div>
    </>
  );
  const className = `celebration celebration-${moment.size} celebration-kind-${moment.kind}${still ? ' still' : ''}`;
  if (still) {
    return (
      <div className={className} data-motion="static" data-kind={moment.kind}>
        {body}
      </div>
    );
  }
  return (
    <>
      {moment.size === 'confetti' && <Confetti />}
      <motion.div
        className={className}
        data-motion="animated"
        data-kind={moment.kind}
        initial={{ opacity: 0, y: 24, scale: moment.size === 'toast' ? 1 : 0.9 }}
        animate={{ opacity: 1, y: 0, scale: 1 }}
        exit={{ opacity: 0, y: 12 }}
        transition={{ type: 'spring', stiffness: 320, damping: 24 }}
      >
        {moment.size !== 'toast' && <Burst />}
        {body}
      </motion.div>
    </>
  );
}
