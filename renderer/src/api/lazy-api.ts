import type { SidekickApi } from '../../../shared/ipc/contract';

type AnyCall = (request?: unknown) => Promise<unknown>;
type AnyListen = (listener: (payload: unknown) => void) => () => void;

/**
 * A SidekickApi whose host is still loading: the shell and the sign-in screen draw at once, and every call
 * waits for the host (zod, the contract and, in a browser tab, the sync client come in that chunk). A listener
 * added before the host is there is attached when it arrives.
 *
 * `start`: `now` starts loading at once (nothing meaningful can be drawn without the host); `on first use`
 * waits for the first call or listener, which the shell makes in its effects, after its first render: loading
 * and evaluating the host's chunks (zod builds every schema as they load) otherwise ran before React's first
 * render task and held the sign-in screen back by as long.
 */
export function lazyApi(
  load: () => Promise<SidekickApi>,
  start: 'now' | 'on first use' = 'now',
): SidekickApi {
  let loading: Promise<SidekickApi> | null = null;
  const hostLoad = (): Promise<SidekickApi> => {
    if (!loading) {
      loading = load();
      // An unhandled rejection would be logged twice; the calls below report it to whoever asked.
      loading.catch(() => undefined);
    }
    return loading;
  };
  if (start === 'now') hostLoad();
  const member = (api: SidekickApi, name: string) => (api as unknown as Record<string, unknown>)[name];
  const handler: ProxyHandler<object> = {
    get(_target, name) {
      // Not a promise, whatever asks (an `await lazyApi(...)` must not wait on it).
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (/^on[A-Z]/.test(name))
        return (listener: (payload: unknown) => void) => {
          let off: (() => void) | null = null;
          let cancelled = false;
          hostLoad().then(
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
      return async (request?: unknown) => (member(await hostLoad(), name) as AnyCall)(request);
    },
  };
  return new Proxy({}, handler) as SidekickApi;
}
