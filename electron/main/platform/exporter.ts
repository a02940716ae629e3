import path from 'node:path';
import { BrowserWindow, dialog, shell } from 'electron';
import { ApiError } from '@shared/api/errors';
import { writeOwnerOnly, type FileExporter } from '@core/platform/exporter';

/**
 * The desktop app's exporter: the user picks a folder; the files are written there, readable by
 * their owner only, and the email draft is opened in their mail program, ready to send.
 */
export function createExporter(): FileExporter {
  return folderExporter;
}

const folderExporter: FileExporter = {
  async save(files) {
    const window = BrowserWindow.getFocusedWindow();
    const options = {
      title: 'Choose where to save the minutes',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = choice.filePaths[0];
    if (choice.canceled || !folder) throw new ApiError('conflict', 'No folder was chosen, so nothing was saved.');
    await writeOwnerOnly(folder, files);
    const draft = files.find((file) => file.fileName.endsWith('.eml'));
    if (draft) await shell.openPath(path.join(folder, path.basename(draft.fileName)));
    return folder;
  },
};
