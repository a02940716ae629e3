import { createPrivateKey, sign, verify } from 'node:crypto';
import path from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { identityOf } from '@core/signing/identity';
import { tempDir } from './helpers';

/** An RSA identity packaged as version 5 stored it: a PKCS#12 and its password. */
function version5Identity() {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-11-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-11-01T00:00:00Z');
  cert.setSubject([
    { shortName: 'CN', value: 'Relational Review on laptop' },
    { shortName: 'O', value: 'Brightwater Care Ltd' },
  ]);
  cert.setIssuer(cert.subject.attributes);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = Buffer.from(
    forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'pw', { algorithm: '3des' })).getBytes(),
    'binary',
  );
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { p12, der };
}

describe('migration 6: seal keys', () => {
  it('upgrades a version 5 case book: its identity keeps sealing with the same key, which becomes a known key; received minutes keep', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const { p12, der } = version5Identity();
    const v5 = openCaseBook({ file, migrateTo: 5 });
    v5.run(sql`
      INSERT INTO signing_identities (id, organisation, kind, p12, password, subject, certificate_fingerprint, created_at)
      VALUES ('i', 'Brightwater Care Ltd', 'installation', ${p12}, 'pw', 'Relational Review on laptop, Brightwater Care Ltd', 'f'||${'0'.repeat(63)}, '2026-11-01T00:00:00.000Z')`);
    v5.run(sql`
      INSERT INTO received_minutes (id, file_name, pdf, fingerprint, sealed_by, sealed_at, title, content, received_at)
      VALUES ('r', 'minutes.pdf', ${Buffer.from('%PDF')}, 'abc', 'Someone, Northshire', NULL, 'Annual review', '{}', 't')`);
    v5.close();

    const db = openCaseBook({ file, migrateTo: 6 });
    expect(db.schemaVersion).toBe(6);
    const row = db.record<{ privateKey: Buffer; certificates: string }>(
      sql`SELECT private_key, certificates FROM signing_identities WHERE id = 'i'`,
    )!;
    const identity = identityOf(
      row.privateKey,
      (JSON.parse(row.certificates) as string[]).map((each) => Buffer.from(each, 'base64')),
    );
    expect(identity.certificates[0]!.equals(der)).toBe(true);
    // The same key signs, and the certificate's key checks it.
    const signature = sign(
      'sha256',
      Buffer.from('minutes'),
      createPrivateKey({ key: identity.privateKey, format: 'der', type: 'pkcs8' }),
    );
    expect(
      verify(
        'sha256',
        Buffer.from('minutes'),
        forge.pki.publicKeyToPem(forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))).publicKey),
        signature,
      ),
    ).toBe(true);
    expect(db.all(sql`SELECT organisation, source FROM organisation_keys`)).toEqual([
      { organisation: 'Brightwater Care Ltd', source: 'this_computer' },
    ]);
    expect(db.get(sql`SELECT title, signatures, countersigned_at FROM received_minutes`)).toEqual({
      title: 'Annual review',
      signatures: '[]',
      countersigned_at: null,
    });

    expect(() =>
      db.run(
        sql`INSERT INTO organisation_keys (id, organisation, fingerprint, subject, source, added_at) VALUES ('k', 'X', 'short', 's', 'received', 't')`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});
