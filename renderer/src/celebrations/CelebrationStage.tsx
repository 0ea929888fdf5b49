import { AnimatePresence, MotionConfig } from 'framer-motion';
import { CelebrationCard } from './CelebrationCard';
import type { Moment } from './moment';

/**
 * The animated part of celebrations, with framer-motion. It is its own chunk, loaded shortly after start-up,
 * so the popover's first paint does not wait for the animation library.
 */
export default function CelebrationStage({
  shown,
  calm,
  onDismiss,
  onOpen,
}: {
  shown: Moment[];
  calm: boolean;
  onDismiss: (id: string) => void;
  onOpen: (moment: Moment) => void;
}) {
  return (
    // Every animation honours the operating system's "reduce motion" preference.
    <MotionConfig reducedMotion="user">
      <AnimatePresence>
        {shown.map((m) => (
          <CelebrationCard
            key={m.id}
            moment={m}
            calm={calm}
            onDismiss={() => onDismiss(m.id)}
            onOpen={() => onOpen(m)}
          />
        ))}
      </AnimatePresence>
    </MotionConfig>
  );
}
