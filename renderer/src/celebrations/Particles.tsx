import { motion } from 'framer-motion';

const COLOURS = ['#f59e0b', '#10b981', '#3b82f6', '#ec4899', '#8b5cf6', '#ef4444'];
/** A fixed spread instead of Math.random: the same moment looks the same, and renders stay pure. */
const spread = (i: number, mod: number) => ((i * 7919) % mod) / mod;

/** A ring of dots bursting out from the card: for a mission done or a personal best. */
export function Burst() {
  return (
    <span className="burst" aria-hidden="true">
      {Array.from({ length: 14 }, (_, i) => {
        const angle = (i / 14) * Math.PI * 2;
        return (
          <motion.span
            key={i}
            className="particle"
            style={{ background: COLOURS[i % COLOURS.length] }}
            initial={{ x: 0, y: 0, opacity: 1, scale: 1 }}
            animate={{ x: Math.cos(angle) * 70, y: Math.sin(angle) * 50, opacity: 0, scale: 0.4 }}
            transition={{ duration: 1.1, ease: 'easeOut' }}
          />
        );
      })}
    </span>
  );
}

/** Confetti falling over the window, for the big milestones only (a 25-day streak and up). */
export function Confetti() {
  return (
    <span className="confetti" aria-hidden="true">
      {Array.from({ length: 36 }, (_, i) => (
        <motion.span
          key={i}
          className="confetti-piece"
          style={{ left: `${spread(i, 97) * 100}%`, background: COLOURS[i % COLOURS.length] }}
          initial={{ y: -20, rotate: 0, opacity: 1 }}
          animate={{ y: 520, rotate: 360 * (spread(i, 13) > 0.5 ? 1 : -1), opacity: 0 }}
          transition={{ duration: 2.2 + spread(i, 29), delay: spread(i, 31) * 0.6, ease: 'easeIn' }}
        />
      ))}
    </span>
  );
}
