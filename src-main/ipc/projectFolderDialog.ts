import { dialog, type BrowserWindow } from 'electron';

/**
 * project/pick-folder in the desktop app: the native "open folder" dialog, attached to the window
 * when there is one. Resolves to the chosen folder, or null when the operator cancelled.
 */
export function projectFolderPicker(window: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options = { title: 'Open a node-pg-migrate project', buttonLabel: 'Open project', properties: ['openDirectory' as const] };
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
