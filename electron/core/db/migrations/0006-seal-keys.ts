import forge from 'node-forge';
import type { Migration } from './migration';

/**
 * The seal, second edition: signing identities keep their key as PKCS#8 and their certificates
 * as DER (so ECDSA keys fit, which PKCS#12 through node-forge cannot hold); each organisation's
 * known keys by fingerprint (trust on first use); countersignatures by the other organisation;
 * and the signatures of received minutes.
 */
export const migration: Migration = {
  version: 6,
  name: 'seal keys: identities as PKCS#8, known organisation keys, countersignatures',
  up(db) {
    db.exec(`
      CREATE TABLE signing_identities_new (
        id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('installation', 'imported')),
        private_key BLOB NOT NULL,
        certificates TEXT NOT NULL CHECK (json_valid(certificates)),
        subject TEXT NOT NULL,
        certificate_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;

      CREATE TABLE organisation_keys (
        id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        subject TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('this_computer', 'imported_certificate', 'received', 'confirmed')),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX organisation_keys_fingerprint ON organisation_keys (lower(organisation), fingerprint);

      CREATE TABLE countersignatures (
        id TEXT PRIMARY KEY,
        minutes_id TEXT NOT NULL REFERENCES minutes (id),
        signer TEXT NOT NULL,
        organisation TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        signed_at TEXT,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX countersignatures_minutes ON countersignatures (minutes_id);

      ALTER TABLE minutes ADD COLUMN seal_key TEXT;
      ALTER TABLE minutes ADD COLUMN countersigned_pdf BLOB;
      ALTER TABLE received_minutes ADD COLUMN signatures TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(signatures));
      ALTER TABLE received_minutes ADD COLUMN countersigned_at TEXT;
    `);
    const rows = db
      .prepare(
        'SELECT id, organisation, kind, p12, password, subject, certificate_fingerprint, created_at, retired_at FROM signing_identities',
      )
      .all() as {
      id: string;
      organisation: string;
      kind: string;
      p12: Buffer;
      password: string;
      subject: string;
      certificate_fingerprint: string;
      created_at: string;
      retired_at: string | null;
    }[];
    const insert = db.prepare(`
      INSERT INTO signing_identities_new (id, organisation, kind, private_key, certificates, subject, certificate_fingerprint, created_at, retired_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const remember = db.prepare(`
      INSERT OR IGNORE INTO organisation_keys (id, organisation, fingerprint, subject, source, added_at) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const row of rows) {
      const { privateKey, certificates } = unpackPkcs12(row.p12, row.password);
      insert.run(
        row.id,
        row.organisation,
        row.kind,
        privateKey,
        JSON.stringify(certificates),
        row.subject,
        row.certificate_fingerprint,
        row.created_at,
        row.retired_at,
      );
      const source = row.kind === 'imported' ? 'imported_certificate' : 'this_computer';
      remember.run(`${row.id}-key`, row.organisation, row.certificate_fingerprint, row.subject, source, row.created_at);
    }
    db.exec(`
      DROP TABLE signing_identities;
      ALTER TABLE signing_identities_new RENAME TO signing_identities;
    `);
  },
};

/** The RSA key (PKCS#8 DER) and certificates (base64 DER) of a PKCS#12 as version 5 stored them. */
function unpackPkcs12(p12: Buffer, password: string): { privateKey: Buffer; certificates: string[] } {
  const { asn1, pki, pkcs12 } = forge;
  const pfx = pkcs12.pkcs12FromAsn1(asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, password);
  const keyBag = '1.2.840.113549.1.12.10.1.2';
  const certBag = '1.2.840.113549.1.12.10.1.3';
  const key = (pfx.getBags({ bagType: keyBag })[keyBag] ?? [])[0]?.key as forge.pki.rsa.PrivateKey;
  const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
  const certificates = (pfx.getBags({ bagType: certBag })[certBag] ?? []).flatMap((bag) =>
    bag.cert ? [der(pki.certificateToAsn1(bag.cert)).toString('base64')] : [],
  );
  return { privateKey: der(pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(key))), certificates };
}
