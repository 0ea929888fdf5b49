import { app, dialog } from 'electron';
import type { AskConsent } from '../sign-in/pairing-consent';

/**
 * The native yes/no dialog behind AskConsent; "Cancel" is the default and what Escape chooses. A pairing
 * link arrives while another app (the browser) is in front: on macOS a menu-bar app must take the focus,
 * or its dialog opens behind that app.
 */
export const askWithDialog: AskConsent = async ({ message, detail }) => {
  if (process.platform === 'darwin') app.focus({ steal: true });
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Sign in', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message,
    detail,
  });
  return response === 0;
};
