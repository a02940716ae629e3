import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The independent tools (poppler's pdfsig and pdfdetach, qpdf, mupdf's mutool), run on a file in a
 * folder of its own under the system temp folder, removed afterwards.
 */

export const hasTool = (tool: string, flag: string) => !spawnSync(tool, [flag]).error;

export const tools = {
  pdfsig: hasTool('pdfsig', '-v'),
  pdfdetach: hasTool('pdfdetach', '-v'),
  qpdf: hasTool('qpdf', '--version'),
  mutool: hasTool('mutool', '-v'),
};

function withFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-attack-'));
  try {
    const file = path.join(dir, 'attack.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exit status and everything printed: pdfsig, for one, exits 0 even on a digest mismatch. */
function run(tool: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export interface PdfsigSignature {
  /** 1 for pdfsig's "Signature #1". */
  index: number;
  field: string;
  commonName: string;
  totalDocument: boolean;
  /** What follows "Signature Validation:", e.g. "Signature is Valid." or "Digest Mismatch." */
  validation: string;
}

export function pdfsig(pdf: Uint8Array): { signatures: PdfsigSignature[]; output: string } {
  const { output } = withFile(pdf, (file) => run('pdfsig', [file]));
  const blocks = output.split(/^Signature #(?=\d+:)/m).slice(1);
  const line = (block: string, label: string) =>
    new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
  const signatures = blocks.map((block) => ({
    index: Number(/^\d+/.exec(block)![0]),
    field: line(block, 'Signature Field Name'),
    commonName: line(block, 'Signer Certificate Common Name'),
    totalDocument: /^\s*- Total document signed$/m.test(block),
    validation: line(block, 'Signature Validation'),
  }));
  return { signatures, output };
}

/** qpdf --check: 0 is a sound file, 3 one with warnings, 2 one with errors. */
export function qpdfCheck(pdf: Uint8Array): { status: number | null; output: string } {
  return withFile(pdf, (file) => run('qpdf', ['--check', file]));
}

export function qpdfPageCount(pdf: Uint8Array): number {
  return Number(withFile(pdf, (file) => run('qpdf', ['--show-npages', file])).output.trim());
}

/** mutool sign -v: mupdf's own check of every signature, and of what changed after each. */
export function mutoolVerify(pdf: Uint8Array): string {
  return withFile(pdf, (file) => run('mutool', ['sign', '-v', file])).output;
}

/** The embedded file named `name`, as pdfdetach reads it from the latest revision; null when it is not listed. */
export function pdfdetachFile(pdf: Uint8Array, name: string): Buffer | null {
  return withFile(pdf, (file, dir) => {
    const listed = run('pdfdetach', ['-list', file]).output.split('\n');
    const line = listed.find((entry) => entry.trim().endsWith(`: ${name}`));
    if (!line) return null;
    // By number: some poppler versions refuse every name given to -savefile.
    const saved = path.join(dir, 'saved');
    run('pdfdetach', ['-save', line.trim().split(':')[0]!, '-o', saved, file]);
    try {
      return readFileSync(saved);
    } catch {
      return null;
    }
  });
}

/** The text of page `page` (1-based) as mutool draws it. */
export function mutoolText(pdf: Uint8Array, page: number): string {
  return withFile(pdf, (file) => run('mutool', ['draw', '-F', 'txt', '-o', '-', file, String(page)])).output;
}
