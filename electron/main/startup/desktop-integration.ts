/** electron-builder.yml's appId: the Windows AppUserModelID and macOS bundle id (checked by the config lint). */
export const APP_ID = 'com.sidekick.desktop';

export interface IntegrationInput {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Set by the AppImage runtime to the .AppImage file. */
  appImage: string | undefined;
}

export interface DesktopIntegration {
  /** Register as the OS handler for sidekick:// links. */
  protocolClient: boolean;
  /** Windows only, packaged only (see below). */
  appUserModelId: string | null;
  /** "Start at login" may register an entry. */
  loginItem: boolean;
  /** Said once at start, so a person knows why links or start-at-login do nothing. */
  notes: string[];
}

/**
 * What the app registers with the OS. An unpackaged run (`npm start`) is the bare Electron binary with the
 * project folder as its argument: registering that for sidekick:// or at login would leave the system
 * pointing at node_modules. Windows ties notifications to the AppUserModelID of a Start-menu shortcut, which
 * only the installer creates, so a dev run keeps Electron's default. An AppImage is not installed, so it has
 * no desktop entry that xdg can point sidekick:// at: the .deb registers it.
 */
export function desktopIntegration(input: IntegrationInput): DesktopIntegration {
  if (!input.isPackaged)
    return {
      protocolClient: false,
      appUserModelId: null,
      loginItem: false,
      notes: [
        'development run: sidekick:// links and start at login are not registered (they would point at the bare Electron binary)',
      ],
    };
  const appImage = input.platform === 'linux' && input.appImage !== undefined;
  return {
    protocolClient: !appImage,
    appUserModelId: input.platform === 'win32' ? APP_ID : null,
    loginItem: true,
    notes: appImage
      ? [
          'AppImage: sidekick:// pairing links are not registered with the desktop; install the .deb for them, or sign in from the popover',
        ]
      : [],
  };
}
