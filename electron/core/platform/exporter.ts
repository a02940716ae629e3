/** Saves exported files where the user chooses (the desktop app), or leaves them to be downloaded. */
export interface FileExporter {
  /** The folder the files were saved in, or null when the renderer should offer them as downloads. */
  save(files: { fileName: string; content: Uint8Array }[]): Promise<string | null>;
}

/** No folder to save in: the renderer offers the files as downloads (the web host, and the core's default). */
export const offerAsDownloads: FileExporter = {
  save: async () => null,
};
