import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { SaveFileRequest } from '../../../shared/sync';

/** Asks where to save (the person chooses every path), then writes the bytes the renderer produced. */
export async function saveFileWithDialog(
  parent: BrowserWindow | null,
  input: SaveFileRequest,
): Promise<{ saved: boolean }> {
  const extension = input.mimeType === 'application/pdf' ? 'pdf' : 'json';
  const options = {
    defaultPath: input.suggestedName,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFile(result.filePath, Buffer.from(input.base64, 'base64'));
  return { saved: true };
}
