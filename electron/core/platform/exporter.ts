import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Saves exported files where the user chooses (the desktop app), or leaves them to be downloaded. */
export interface FileExporter {
  /** The folder the files were saved in, or null when the renderer should offer them as downloads. */
  save(files: { fileName: string; content: Uint8Array }[]): Promise<string | null>;
}

/** No folder to save in: the renderer offers the files as downloads (the web host, and the core's default). */
export const offerAsDownloads: FileExporter = {
  save: async () => null,
};

/**
 * Writes exported files into a folder, readable and writable by their owner only (0600) on Linux
 * and macOS, a file already there included: minutes name children's reviews, and another account
 * on the computer has no business reading them. Answers the paths written.
 */
export async function writeOwnerOnly(folder: string, files: { fileName: string; content: Uint8Array }[]) {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(folder, path.basename(file.fileName));
    await writeFile(target, file.content, { mode: 0o600 });
    await makeOwnerOnly(target);
    written.push(target);
  }
  return written;
}

/** A saved file made readable and writable by its owner only (0600); Windows has no such mode. */
export async function makeOwnerOnly(file: string): Promise<void> {
  if (process.platform !== 'win32') await chmod(file, 0o600);
}
