/** Saves exported files where the user chooses (the desktop app), or leaves them to be downloaded. */
export interface FileExporter {
  /** The folder the files were saved in, or null when the renderer should offer them as downloads. */
  save(files: { fileName: string; content: Uint8Array }[]): Promise<string | null>;
}

/** The web host's exporter: the browser downloads the files. */
export const downloadExporter: FileExporter = {
  save: async () => null,
};
