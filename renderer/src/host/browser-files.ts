import { ExternalUrl, SaveFileInput } from '../../../shared/ipc/contract';

/** saveFile in a browser: a download through a temporary object URL (no data: URL, which the CSP would block). */
export function downloadFile(doc: Document, input: unknown): { saved: boolean } {
  const { suggestedName, mimeType, base64 } = SaveFileInput.parse(input);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName.replace(/[\\/:*?"<>|]+/g, '-');
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true };
}

/** openExternal in a browser: only http(s) URLs, in a new tab with no opener and no referrer. */
export function openExternalUrl(win: Pick<Window, 'open'>, input: unknown): void {
  const url = new URL(ExternalUrl.parse(input));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Only web links can be opened.');
  win.open(url.href, '_blank', 'noopener,noreferrer');
}
