import fc from 'fast-check';

/** 200 kB of text: far over every limit in the contract, well under the transports' own. */
const huge = 'x'.repeat(200_000);

/** Text an attacker, a careless paste or a broken file could put in any field. */
export const hostileStrings: readonly string[] = [
  // SQL
  "'); DROP TABLE homes; --",
  "' OR 1=1 --",
  "Robert'); DELETE FROM organisations; --",
  "%' UNION SELECT name, sql FROM sqlite_master --",
  "1; ATTACH DATABASE '/tmp/pwn.sqlite' AS pwn; --",
  // FTS5 query syntax
  '"NEAR(',
  'NEAR(a b',
  '*',
  '^',
  '"',
  '(',
  ')',
  'a OR',
  'AND',
  'NOT',
  '-',
  '+',
  'text:*',
  '{title text}:x',
  'a*b*c',
  '""',
  "''",
  '\\',
  '^"Oakwood',
  'Oakwood" OR "x',
  // HTML and script
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  // Unicode oddities
  '\uD800',
  '\uDFFF',
  'a\uD800b\uDC00',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u0000',
  'Oak\u0000wood',
  '\uFEFF',
  'Zoe\u0308',
  '👩‍👩‍👧‍👦',
  '\u2028\u2029',
  'line one\r\nline two',
  '',
  '   ',
  '\t',
  // Paths, names and numbers as text
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  'CON',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '%s%s%n%x',
  // Files of the wrong kind
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"format":"relational-review-backup","formatVersion":1,"tables":{"__proto__":[{"polluted":"yes"}]}}',
  '[]',
  'null',
  '%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj',
  // Dates that look right and are not
  '2026-02-30',
  '9999-99-99',
  '2026-12-03T25:61:00Z',
  // Huge
  huge,
  '<script>'.repeat(25_000),
  "'".repeat(200_000),
  '\uD800'.repeat(100_000),
];

/** Plausible values: real dates and a fingerprint shape, so some payloads pass the schema. */
export const plausibleStrings: readonly string[] = [
  'Oakwood House',
  'AB12',
  'SC123456',
  '2026-12-03',
  '2027-06-03',
  '2026-12-03T10:00:00.000Z',
  '2026-12-03T10:00',
  'a'.repeat(64),
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'SC654321',
  'sam.okoro@northshire.example',
  '<script>@example.org',
  'Sam Okoro',
  'x'.repeat(120),
  'x'.repeat(201),
];

/** Base64 of things that are not PDFs or certificates, and of one that only starts like a PDF. */
export const hostileBase64: readonly string[] = [
  Buffer.from(
    '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
  ).toString('base64'),
  Buffer.from('%PDF-').toString('base64'),
  Buffer.from('<script>alert(1)</script>').toString('base64'),
  Buffer.from([0x30, 0x82, 0xff, 0xff, 0x02, 0x01, 0x03]).toString('base64'), // a DER sequence that lies about its length
  Buffer.alloc(150_000, 0).toString('base64'),
  'AAAA',
  '====',
  '',
];

/** Numbers as a transport that is not JSON would carry them, and the edges of what JSON carries. */
export const hostileNumbers: readonly number[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  0.5,
  -1,
  2 ** 31,
  2 ** 53,
];

/** Gives `target` an own key, even `__proto__`, as JSON.parse would. */
export function withOwnKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

/** The prototype-polluting shapes, built by JSON.parse so the dangerous names are own keys. */
export const protoObjects: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}}'),
  JSON.parse('{"__proto__": null}'),
  JSON.parse('{"__proto__": []}'),
  JSON.parse('{"toString": "not a function", "valueOf": 1, "hasOwnProperty": null}'),
];

export const dangerousKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const;

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 1, arbitrary: fc.constantFrom(...plausibleStrings) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileBase64) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 120 }) },
    // Mixtures: a hostile fragment inside ordinary words.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 10 }),
          fc.constantFrom(...hostileStrings.filter((s) => s.length < 1000)),
          fc.string({ maxLength: 10 }),
        )
        .map(([a, b, c]) => `${a}${b}${c}`),
    },
  );

export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(...hostileNumbers), fc.integer({ min: -10, max: 200 }), fc.double());

/** Any value of any type, with the hostile ones weighted in: for fields, in place of the right type. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 2, arbitrary: hostileNumber() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [null], [{}], ['a', 1]) },
    { weight: 1, arbitrary: fc.constantFrom(...protoObjects) },
    { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
    {
      weight: 1,
      arbitrary: fc.anything({
        maxDepth: 2,
        withNullPrototype: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
      }),
    },
  );

/** Wholly random input, the more exotic JavaScript values included. */
export const anyInput = (): fc.Arbitrary<unknown> =>
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });
