import type { SidekickApi } from '../../../shared/ipc/contract';

type AnyCall = (request?: unknown) => Promise<unknown>;
type AnyListen = (listener: (payload: unknown) => void) => () => void;

/**
 * A SidekickApi whose host is still loading: the shell and the sign-in screen draw at once, and every call
 * waits for the host (zod, the contract and, in a browser tab, the sync client come in that chunk). Loading
 * starts right away; a listener added before the host is there is attached when it arrives.
 */
export function lazyApi(load: () => Promise<SidekickApi>): SidekickApi {
  const host = load();
  // An unhandled rejection would be logged twice; the calls below report it to whoever asked.
  host.catch(() => undefined);
  const member = (api: SidekickApi, name: string) => (api as unknown as Record<string, unknown>)[name];
  const handler: ProxyHandler<object> = {
    get(_target, name) {
      // Not a promise, whatever asks (an `await lazyApi(...)` must not wait on it).
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (/^on[A-Z]/.test(name))
        return (listener: (payload: unknown) => void) => {
          let off: (() => void) | null = null;
          let cancelled = false;
          host.then(
            (api) => {
              if (!cancelled) off = (member(api, name) as AnyListen)(listener);
            },
            () => undefined,
          );
          return () => {
            cancelled = true;
            off?.();
          };
        };
      return async (request?: unknown) => (member(await host, name) as AnyCall)(request);
    },
  };
  return new Proxy({}, handler) as SidekickApi;
}
