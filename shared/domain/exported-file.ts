/** A file the core made for the user to save: the renderer offers it as a download. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}
