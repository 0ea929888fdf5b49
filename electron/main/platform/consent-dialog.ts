import { dialog } from 'electron';
import type { AskConsent } from '../sign-in/pairing-consent';

/** The native yes/no dialog behind AskConsent; "Cancel" is the default and what Escape chooses. */
export const askWithDialog: AskConsent = async ({ message, detail }) => {
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
