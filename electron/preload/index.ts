import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_NAMES,
  eventChannel,
  eventContract,
  invokeChannel,
  invokeContract,
  type EventName,
  type EventPayload,
  type InvokeName,
  type SidekickApi,
} from '../../shared/ipc';

/**
 * The only file that touches ipcRenderer. It exposes `window.sidekick` with one named method per invoke
 * and one `on…` per event, built from the contract: no generic send/invoke, no channel names reach the page.
 * Responses and events are parsed with the contract's schemas; listeners never see the IPC event object.
 * Built as CommonJS (electron.vite.config.ts) because sandboxed preloads cannot load ES modules.
 */
function invoker(name: InvokeName) {
  const [, responseSchema] = invokeContract[name];
  return async (request?: unknown) =>
    responseSchema.parse(await ipcRenderer.invoke(invokeChannel(name), request));
}

function subscriber<N extends EventName>(name: N) {
  return (listener: (payload: EventPayload<N>) => void) => {
    const channel = eventChannel(name);
    const wrapped = (_event: unknown, payload: unknown) => {
      const parsed = eventContract[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<N>);
    };
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  };
}

const methods = Object.fromEntries(INVOKE_NAMES.map((name) => [name, invoker(name)]));
const listeners = Object.fromEntries(
  EVENT_NAMES.map((name) => [`on${name[0]!.toUpperCase()}${name.slice(1)}`, subscriber(name)]),
);

// The two maps are built from the contract, so their keys are exactly SidekickApi's; the cast states that.
const api = Object.freeze({ ...methods, ...listeners }) as unknown as SidekickApi;
contextBridge.exposeInMainWorld('sidekick', api);
