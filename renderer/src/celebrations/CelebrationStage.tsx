import { AnimatePresence, MotionConfig } from 'framer-motion';
import type { Celebration } from '../../../shared/domain/growth-model';
import { CelebrationCard } from './CelebrationCard';

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
  shown: Celebration[];
  calm: boolean;
  onDismiss: (id: string) => void;
  onOpen: (celebration: Celebration) => void;
}) {
  return (
    // Every animation honours the operating system's "reduce motion" preference.
    <MotionConfig reducedMotion="user">
      <AnimatePresence>
        {shown.map((c) => (
          <CelebrationCard
            key={c.id}
            celebration={c}
            calm={calm}
            onDismiss={() => onDismiss(c.id)}
            onOpen={() => onOpen(c)}
          />
        ))}
      </AnimatePresence>
    </MotionConfig>
  );
}
