import {
  EVENT_NAMES,
  INVOKE_NAMES,
  eventContract,
  invokeContract,
  type EventName,
  type SidekickApi,
  type Unsubscribe,
} from '../../../shared/ipc/contract';

type AnyInvoke = (request?: unknown) => Promise<unknown>;
type AnyListen = (listener: (payload: unknown) => void) => Unsubscribe;

const listenerKey = (name: EventName) =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as 'onState' | 'onCelebration' | 'onNavigate' | 'onDigest';

/**
 * The renderer trusts nothing that crosses the bridge: every response and every pushed event is parsed with
 * the contract's schema, so a host bug shows up as a clear error here instead of a broken view later.
 */
export function validatedApi(raw: SidekickApi): SidekickApi {
  const wrapped: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) {
    const responseSchema = invokeContract[name][1];
    const method = (raw as unknown as Record<string, unknown>)[name];
    // An older host without this method fails this one call with a sentence, not the whole companion.
    if (typeof method !== 'function') {
      wrapped[name] = async () =>
        Promise.reject(new Error(`This version of Sidekick cannot do "${name}" yet; please update it.`));
      continue;
    }
    const call = (method as AnyInvoke).bind(raw);
    wrapped[name] = async (request?: unknown) => responseSchema.parse(await call(request));
  }
  for (const name of EVENT_NAMES) {
    const key = listenerKey(name);
    const method = (raw as unknown as Record<string, unknown>)[key];
    if (typeof method !== 'function') {
      wrapped[key] = () => () => undefined;
      continue;
    }
    const listen = (method as AnyListen).bind(raw);
    wrapped[key] = (listener: (payload: unknown) => void) =>
      listen((payload) => {
        const parsed = eventContract[name].safeParse(payload);
        if (parsed.success) listener(parsed.data);
        else console.error(`sidekick: ignored a malformed "${name}" event`, parsed.error.issues);
      });
  }
  return wrapped as SidekickApi;
}
