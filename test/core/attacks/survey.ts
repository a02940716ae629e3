/**
 * Builds every attack from one sealed file and prints what pdfsig, qpdf and mutool say of each:
 * a way to see that each file is what it claims, outside the test.
 *
 *   npx tsx test/core/attacks/survey.ts [sealed.pdf] [folder to keep the files in]
 *
 * With no file, it seals one with @signpdf (the stand-in, RSA 2048).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as attacks from './index';
import { mutoolVerify, pdfsig, qpdfCheck, tools } from './tools';

function summary(file: Buffer): string {
  const parts: string[] = [`${file.length} bytes`];
  if (tools.pdfsig) {
    const { signatures, output } = pdfsig(file);
    parts.push(
      signatures.length
        ? signatures
            .map((s) => `#${s.index} ${s.commonName || '?'}: ${s.validation}${s.totalDocument ? ' (total)' : ''}`)
            .join('; ')
        : `pdfsig: ${output.split('\n').find((line) => line.trim()) ?? ''}`,
    );
  }
  if (tools.qpdf) parts.push(`qpdf ${qpdfCheck(file).status}`);
  if (tools.mutool) parts.push(`mutool: ${mutoolVerify(file).replace(/\s+/g, ' ').slice(0, 240)}`);
  return parts.join(' | ');
}

async function main() {
  const [input, keep] = process.argv.slice(2);
  const sealed = input
    ? readFileSync(input)
    : await attacks.standInSeal(
        await attacks.minutesPdf(),
        attacks.standInP12('Relational Review seal', 'Northshire County Council'),
      );
  const impostor = attacks.lookAlikeIdentity(attacks.sealerCertificate(sealed), 'rsa-3072');
  const countersigner = attacks.freshIdentity('Jo Reid', 'Brightwater Care Ltd');
  const built: Record<string, () => Promise<Buffer>> = {
    genuine: async () => sealed,
    plainCountersignature: () => attacks.plainCountersignature(sealed, countersigner),
    ...prefixed('incremental', attacks.incrementalAttacks, (build) => build(sealed)),
    ...prefixed('reSign', attacks.reSignAttacks, (build) => build(sealed, impostor)),
    ...prefixed('countersign', attacks.countersignAttacks, (build) => build(sealed, countersigner)),
    forgedApproval: () =>
      attacks.forgedApproval(attacks.freshIdentity('Relational Review seal', 'Northshire County Council')),
    ...prefixed('damage', attacks.damageAttacks, (build) => build(sealed)),
    ...prefixed('truncated', attacks.truncations(sealed), async (file) => file),
    ...prefixed('budget', { ...attacks.nesting, ...attacks.xrefLoops, ...attacks.xrefPastEnd }, (build) =>
      build(sealed),
    ),
    'budget.objectStreamBomb': () => attacks.bombs.objectStreamBomb(sealed),
    'budget.xrefStreamBomb': () => attacks.bombs.xrefStreamBomb(sealed),
    'budget.minutesBomb': () => attacks.bombs.minutesBomb(sealed),
  };
  if (keep) mkdirSync(keep, { recursive: true });
  for (const [name, build] of Object.entries(built)) {
    try {
      const file = await build();
      if (keep) writeFileSync(path.join(keep, `${name}.pdf`), file);
      console.log(`${name}: ${summary(file)}`);
    } catch (error) {
      console.log(`${name}: BUILD FAILED ${(error as Error).stack}`);
    }
  }
}

function prefixed<T>(
  prefix: string,
  builders: Record<string, T>,
  call: (builder: T) => Promise<Buffer>,
): Record<string, () => Promise<Buffer>> {
  return Object.fromEntries(
    Object.entries(builders).map(([name, builder]) => [`${prefix}.${name}`, () => call(builder)]),
  );
}

void main();
