import { readFileAsBase64 } from '@renderer/ui/download';

export interface ChosenPdf {
  pdf: string;
  fileName: string;
}

/** A chosen PDF as base64 for the core, with its name. */
export async function readPdf(file: File): Promise<ChosenPdf> {
  return { pdf: await readFileAsBase64(file), fileName: file.name };
}
