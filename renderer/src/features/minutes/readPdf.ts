import { readFileAsBase64 } from '@renderer/ui/download';

export interface ChosenPdf {
  pdf: string;
  fileName: string;
}

/** The PDF chosen in a file input, as base64 for the core, or null when none is chosen. */
export async function readPdf(input: HTMLInputElement | null): Promise<ChosenPdf | null> {
  const file = input?.files?.[0];
  return file ? { pdf: await readFileAsBase64(file), fileName: file.name } : null;
}
