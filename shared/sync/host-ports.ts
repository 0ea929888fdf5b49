import { z } from 'zod';
import type { HostCapabilities, Settings, SaveFileInput } from '../ipc/contract';

/** Who this device is signed in as. The token is a secret: hosts keep it encrypted (safeStorage) where they can. */
export const Session = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(16).max(512),
});
export type Session = z.infer<typeof Session>;

export interface SessionStore {
  load(): Promise<Session | null>;
  save(session: Session): Promise<void>;
  clear(): Promise<void>;
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

export type SaveFileRequest = z.output<typeof SaveFileInput>;

/** What only the platform can do; each receives input already parsed by the contract's schemas. */
export interface PlatformHooks {
  /** Called with a URL already parsed as http(s). */
  openExternal(url: string): Promise<void>;
  saveFile(input: SaveFileRequest): Promise<{ saved: boolean }>;
  closePopover(): Promise<void>;
  /** What only some hosts can do (e.g. start at login), so the renderer offers it only there. */
  capabilities: HostCapabilities;
}
