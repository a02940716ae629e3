import type { ExportedFile } from '@shared/domain/exported-file';

/** Offers content as a download (a save dialog in the desktop app). */
function offer(content: BlobPart, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A text file the core made. */
export function offerDownload(file: ExportedFile): void {
  offer(file.content, file.fileName, file.mediaType);
}

/** A binary file the core sent as base64 (a sealed PDF, an email draft). */
export function offerBase64Download(file: { fileName: string; mediaType: string; base64: string }): void {
  offer(
    Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0)),
    file.fileName,
    file.mediaType,
  );
}

/** A chosen file's bytes as base64, to send to the core. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`The file ${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}
