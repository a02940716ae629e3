import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEmailDraft } from '@core/minutes/email-draft';

const hasPython = !spawnSync('python3', ['--version']).error;

// Reads the .eml as a mail client would, with Python's standard email parser.
const readEml = `
import email, email.policy, hashlib, json, sys
with open(sys.argv[1], 'rb') as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)
defects = [type(d).__name__ for part in message.walk() for d in part.defects]
defects += [type(d).__name__ for part in message.walk() for _, value in part.items() for d in value.defects]
attachments = [
    {'fileName': part.get_filename(), 'contentType': part.get_content_type(), 'sha256': hashlib.sha256(part.get_content()).hexdigest()}
    for part in message.iter_attachments()
]
body = message.get_body(preferencelist=('plain',))
print(json.dumps({
    'defects': defects,
    'unsent': message['X-Unsent'],
    'from': message['From'],
    'to': [str(a) for a in message['To'].addresses] if message['To'] else [],
    'cc': [str(a) for a in message['Cc'].addresses] if message['Cc'] else [],
    'subject': message['Subject'],
    'date': message['Date'],
    'body': body.get_content() if body else None,
    'bodyType': body.get_content_type() if body else None,
    'attachments': attachments,
}))
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function draftAsParsed(input: Parameters<typeof makeEmailDraft>[0]) {
  dir = mkdtempSync(path.join(tmpdir(), 'rr-eml-'));
  const file = path.join(dir, 'minutes.eml');
  writeFileSync(file, await makeEmailDraft(input));
  return JSON.parse(execFileSync('python3', ['-c', readEml, file], { encoding: 'utf8' })) as {
    defects: string[];
    unsent: string | null;
    from: string | null;
    to: string[];
    cc: string[];
    subject: string;
    date: string;
    body: string | null;
    bodyType: string | null;
    attachments: { fileName: string; contentType: string; sha256: string }[];
  };
}

const pdf = new Uint8Array(
  Buffer.from('%PDF-1.7\n% a small stand-in for the sealed minutes \u00e9\u2013\n%%EOF\n', 'utf8'),
);
const subject = 'Joint review – Oakwood House, 3 December 2026';
const body = 'The minutes of the joint review are attached, sealed.\nOpen the PDF to see who signed them – and when.\n';

describe.skipIf(!hasPython)(`the email draft${hasPython ? '' : ' (needs python3)'}`, () => {
  it('is a draft a mail client reads without defects, with the PDF attached unchanged', async () => {
    const parsed = await draftAsParsed({
      to: ['Priya Shah <priya.shah@brightwater.example>', 'commissioning@northshire.example'],
      cc: ['Sam Okafor <sam.okafor@northshire.example>'],
      subject,
      body,
      attachment: { fileName: 'minutes-oakwood-house-2026-12-03.pdf', content: pdf, contentType: 'application/pdf' },
      date: new Date('2026-12-03T15:30:00.000Z'),
    });
    expect(parsed.defects).toEqual([]);
    expect(parsed.unsent).toBe('1');
    expect(parsed.from).toBeNull();
    expect(parsed.to).toEqual(['Priya Shah <priya.shah@brightwater.example>', 'commissioning@northshire.example']);
    expect(parsed.cc).toEqual(['Sam Okafor <sam.okafor@northshire.example>']);
    expect(parsed.subject).toBe(subject);
    expect(new Date(parsed.date).toISOString()).toBe('2026-12-03T15:30:00.000Z');
    expect(parsed.bodyType).toBe('text/plain');
    expect(parsed.body?.replace(/\r\n/g, '\n')).toBe(body);
    expect(parsed.attachments).toEqual([
      {
        fileName: 'minutes-oakwood-house-2026-12-03.pdf',
        contentType: 'application/pdf',
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    ]);
  });

  // nodemailer also writes a non-ASCII name as an encoded word in Content-Type's name parameter,
  // for clients that read only that; Python notes it as a header defect but reads the file.
  it('keeps a non-ASCII file name', async () => {
    const parsed = await draftAsParsed({
      to: ['priya.shah@brightwater.example'],
      cc: [],
      subject,
      body,
      attachment: { fileName: 'Minutes – Oakwood House.pdf', content: pdf, contentType: 'application/pdf' },
    });
    expect(parsed.attachments).toEqual([
      {
        fileName: 'Minutes – Oakwood House.pdf',
        contentType: 'application/pdf',
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    ]);
  });

  it('carries a From address only when given one', async () => {
    const parsed = await draftAsParsed({
      to: ['priya.shah@brightwater.example'],
      cc: [],
      from: 'Northshire Commissioning <commissioning@northshire.example>',
      subject,
      body,
      attachment: { fileName: 'minutes.pdf', content: pdf, contentType: 'application/pdf' },
    });
    expect(parsed.defects).toEqual([]);
    expect(parsed.from).toBe('Northshire Commissioning <commissioning@northshire.example>');
    expect(parsed.cc).toEqual([]);
  });
});
