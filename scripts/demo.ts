import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import packageJson from '../package.json';
import type { MinutesExport, MinutesVersion } from '@shared/domain/minutes';
import { createCore, type Core } from '@core/core';
import { createPdfPrinter } from '../electron/web/platform/pdf-printer';

/**
 * `npm run demo -- --out <dir> --passphrase <p>`: an encrypted case book in <dir>, a complete review run through the same API
 * the screens use, signed by two demo signers, sealed, and written out as minutes.pdf and
 * minutes.eml.
 */
async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, passphrase: { type: 'string' } } });
  const passphrase = values.passphrase || process.env.RR_PASSPHRASE;
  if (!values.out || !passphrase) {
    console.error(
      'Usage: npm run demo -- --out <folder> --passphrase <passphrase> (or RR_PASSPHRASE in the environment). The case book is encrypted with it.',
    );
    process.exit(2);
  }
  const out = path.resolve(values.out);
  mkdirSync(out, { recursive: true });
  const printer = createPdfPrinter();
  const core = createCore({ dataDir: out, appVersion: packageJson.version, printer, passphrase });
  try {
    const { pdf, eml, minutes } = await runReview(core);
    writeFileSync(path.join(out, 'minutes.pdf'), pdf);
    writeFileSync(path.join(out, 'minutes.eml'), eml);
    console.log(`Sealed minutes of “${minutes.content.title}”, fingerprint ${minutes.fingerprint}`);
    console.log(
      `Wrote ${path.join(out, 'minutes.pdf')} and ${path.join(out, 'minutes.eml')}; the case book is ${core.info.caseBookFile}`,
    );
  } finally {
    core.close();
    await printer.close();
  }
}

async function runReview(core: Core) {
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const council = await call<{ id: string }>('organisations.create', {
    name: 'Northshire County Council',
    kind: 'local_authority',
  });
  const provider = await call<{ id: string }>('organisations.create', {
    name: 'Brightwater Care Ltd',
    kind: 'provider',
  });
  const home = await call<{ id: string }>('homes.create', {
    providerId: provider.id,
    name: 'Oakwood House',
    ofstedUrn: 'SC123456',
    registeredPlaces: 4,
    ofstedJudgement: 'good',
    ofstedJudgementDate: '2026-03-12',
  });
  const placement = await call<{ id: string }>('placements.create', {
    homeId: home.id,
    placingAuthorityId: council.id,
    childReference: 'AB12',
    status: 'current',
    startDate: '2026-01-05',
  });
  const sam = await call<{ id: string }>('people.create', {
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisationId: council.id,
    email: 'sam.okoro@northshire.example',
  });
  const priya = await call<{ id: string }>('people.create', {
    name: 'Priya Shah',
    role: 'Registered manager',
    organisationId: provider.id,
    email: 'priya.shah@brightwater.example',
  });
  const review = await call<{ id: string }>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-12-03T10:00:00Z',
    place: 'Oakwood House',
    nextReviewDate: '2027-06-03',
  });
  const reviewId = review.id;
  const decks = await call<{ id: string }[]>('decks.list');
  await call('sessions.plan', {
    reviewId,
    purpose: 'How AB12’s first year at Oakwood House has gone',
    affirmativeTopic: 'The days that go well for AB12, and what makes them possible',
    apologies: 'The independent reviewing officer',
    deckId: decks[0]!.id,
    timeBoxes: { define: 5, checkin: 10, matters: 10, discover: 20, dream: 15, design: 15, deliver: 10, close: 5 },
  });
  await call('sessions.addParticipant', {
    reviewId,
    personId: sam.id,
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisation: 'Northshire County Council',
    side: 'commissioner',
    attendance: 'present',
  });
  await call('sessions.addParticipant', {
    reviewId,
    personId: priya.id,
    name: 'Priya Shah',
    role: 'Registered manager',
    organisation: 'Brightwater Care Ltd',
    side: 'provider',
    attendance: 'present',
  });
  const rating = (score: number, word = '') => ({ score, word });
  await call('checkin.submit', {
    reviewId,
    side: 'commissioner',
    ratings: {
      'senior-relationships': rating(4, 'steady'),
      collaboration: rating(3),
      'difficult-needs': rating(3),
      'mutual-advantage': rating(4),
    },
  });
  await call('checkin.submit', {
    reviewId,
    side: 'provider',
    ratings: {
      'senior-relationships': rating(4),
      collaboration: rating(4, 'growing'),
      'difficult-needs': rating(3),
      'mutual-advantage': rating(3),
    },
  });
  const notes: [string, 'commissioner' | 'provider', string, string][] = [
    ['discover', 'provider', 'story', 'AB12 cooked for everyone on Sunday and asked to do it again.'],
    ['discover', 'commissioner', 'story', 'School says attendance is the best it has been.'],
    ['dream', 'provider', 'hope', 'A weekend cooking club with other young people in the town.'],
    ['design', 'commissioner', 'proposal', 'Use the placement’s activities budget for a cookery course.'],
    ['design', 'provider', 'concern', 'AB12 has missed two contact visits with their mother.'],
    ['deliver', 'commissioner', 'commitment', 'The social worker will look for a new contact venue.'],
  ];
  let concernId = '';
  for (const [stage, side, kind, text] of notes) {
    await call('sessions.stage', { reviewId, stage });
    if (stage !== 'deliver' || side === 'commissioner')
      await call('sessions.draw', { reviewId }).catch(() => undefined);
    const id = crypto.randomUUID();
    if (kind === 'concern') concernId = id;
    await call('notes.save', { id, reviewId, stage, side, kind, text });
  }
  await call('actions.save', {
    reviewId,
    text: 'Arrange contact at a new venue',
    ownerPersonId: sam.id,
    dueDate: '2026-12-17',
    noteId: concernId,
  });
  await call('actions.save', {
    reviewId,
    text: 'Book the cookery course',
    ownerPersonId: priya.id,
    dueDate: '2027-01-31',
  });
  await call('sessions.stage', { reviewId, stage: 'close' });
  await call('sessions.conclude', { reviewId });

  const [draft] = await call<MinutesVersion[]>('minutes.forReview', { reviewId });
  await call('minutes.saveProse', {
    minutesId: draft!.id,
    summary: 'A warm and honest review. Cooking has become AB12’s way in; contact needs a new venue.',
  });
  const locked = await call<MinutesVersion>('minutes.lock', { minutesId: draft!.id });
  const sign = { minutesId: locked.id, agreed: true, fingerprint: locked.fingerprint };
  await call('minutes.sign', {
    ...sign,
    side: 'commissioner',
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisation: 'Northshire County Council',
    image: await drawnSignature(),
  });
  await call('minutes.sign', {
    ...sign,
    side: 'provider',
    name: 'Priya Shah',
    role: 'Registered manager',
    organisation: 'Brightwater Care Ltd',
    image: null,
  });
  const minutes = await call<MinutesVersion>('minutes.seal', {
    minutesId: locked.id,
    organisation: 'Brightwater Care Ltd',
  });
  const exported = await call<MinutesExport>('minutes.export', { minutesId: minutes.id });
  const file = (type: string) => Buffer.from(exported.files.find((f) => f.mediaType === type)!.base64, 'base64');
  return { minutes, pdf: file('application/pdf'), eml: file('message/rfc822') };
}

/** A signature drawn on a canvas, as the signature pad would make it. */
async function drawnSignature(): Promise<string> {
  const browser = await chromium
    .launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    .catch(() => chromium.launch());
  try {
    const page = await browser.newPage();
    return await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 120;
      const pen = canvas.getContext('2d')!;
      pen.fillStyle = '#fff';
      pen.fillRect(0, 0, 400, 120);
      pen.strokeStyle = '#1f2328';
      pen.lineWidth = 3;
      pen.beginPath();
      pen.moveTo(20, 80);
      for (let x = 20; x < 380; x += 12) pen.lineTo(x, 60 + Math.sin(x / 18) * 30 * Math.cos(x / 70));
      pen.stroke();
      return canvas.toDataURL('image/png');
    });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
