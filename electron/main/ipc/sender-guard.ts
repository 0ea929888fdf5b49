import { isAppUrl } from '../security/url-policy';

/** The parts of an IPC event the guard reads (Electron's IpcMainInvokeEvent has them). */
export interface IpcSenderInfo {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Every IPC message must come from the app's own top-level page. The frame's URL is parsed (see isAppUrl),
 * and subframes are refused: the popover has none, so a frame there is not ours.
 */
export function isTrustedSender(event: IpcSenderInfo, devOrigin: string | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devOrigin);
}
