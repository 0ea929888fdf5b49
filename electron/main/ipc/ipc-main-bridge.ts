import { ipcMain, type WebContents } from 'electron';
import { ZodError } from 'zod';
import {
  eventChannel,
  eventContract,
  INVOKE_NAMES,
  invokeChannel,
  type EventName,
  type EventPayload,
} from '../../../shared/ipc';
import type { ApiHost, Logger } from '../../../shared/sync';
import { isTrustedSender } from './sender-guard';

/**
 * The only file that touches ipcMain. One handler per invoke method of the contract: the sender frame is
 * checked first (parsed URL, top frame only), then the payload is parsed by the api host with the contract's
 * zod schema. Errors cross IPC as one readable sentence, never as a stack.
 */
export function registerIpcHandlers(host: ApiHost, devOrigin: string | null, log: Logger): () => void {
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(invokeChannel(name), async (event, raw: unknown) => {
      if (!isTrustedSender(event, devOrigin)) {
        log('warn', `ipc: refused ${name} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        throw new Error('This page may not talk to Sidekick.');
      }
      try {
        return await host.invoke(name, raw);
      } catch (error) {
        throw new Error(readable(error));
      }
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}

/** Pushes an event to the renderer, validated against the contract like every other payload. */
export function sendEvent<N extends EventName>(
  contents: WebContents | null,
  name: N,
  payload: EventPayload<N>,
): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(eventChannel(name), eventContract[name].parse(payload));
}

function readable(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input';
  }
  return error instanceof Error ? error.message : String(error);
}
