import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { installMatchMedia } from './helpers/match-media';

// jsdom has neither matchMedia (framer-motion reads prefers-reduced-motion) nor ResizeObserver (recharts).
installMatchMedia();
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

// CI runs these beside every other suite on two cores: generous ceilings, so a busy machine is not a failure.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 4_000 });

afterEach(() => cleanup());
