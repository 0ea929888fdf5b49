import type { Logger } from './ports';

/** A tiny listener set: one throwing listener is logged and never stops the others. */
export function createListeners<T>(log: Logger) {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(value: T) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          log('error', `a listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
  };
}
