/**
 * Just enough DER to build and take apart CMS signatures and certificates byte for byte. Parsed
 * parts are kept as the exact bytes they came in, so a copied certificate field is identical.
 */

export interface Tlv {
  tag: number;
  /** Where the whole element starts and ends in the buffer it was read from. */
  start: number;
  end: number;
  /** Where its contents start. */
  body: number;
}

export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...parts: Buffer[]) => tlv(0x30, ...parts);
export const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
export const octets = (bytes: Buffer) => tlv(0x04, bytes);
export const integer = (value: number) => tlv(0x02, Buffer.from([value]));
export const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
/** [n] EXPLICIT, or [n] IMPLICIT of a constructed type: the same bytes either way here. */
export const context = (n: number, ...parts: Buffer[]) => tlv(0xa0 + n, ...parts);

export function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** The DER SET OF order: by encoding. */
export function sortedSet(parts: Buffer[]): Buffer {
  return set(...[...parts].sort((a, b) => Buffer.compare(a, b)));
}

export function readTlv(der: Buffer, at = 0): Tlv {
  if (at + 2 > der.length) throw new Error('DER: truncated');
  const tag = der[at]!;
  const first = der[at + 1]!;
  let length = first;
  let body = at + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[body + i]!;
    body += count;
  }
  if (body + length > der.length) throw new Error('DER: truncated');
  return { tag, start: at, end: body + length, body };
}

export function children(der: Buffer, parent: Tlv): Tlv[] {
  const found: Tlv[] = [];
  for (let at = parent.body; at < parent.end; at = found[found.length - 1]!.end) found.push(readTlv(der, at));
  return found;
}

export const bytesOf = (der: Buffer, element: Tlv) => der.subarray(element.start, element.end);
