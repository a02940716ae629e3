import fc from 'fast-check';
import type { z } from 'zod';
import {
  anyInput,
  dangerousKeys,
  hostileBase64,
  hostileNumber,
  hostileNumbers,
  hostileString,
  hostileStrings,
  hostileValue,
  plausibleStrings,
  protoObjects,
  withOwnKey,
} from './hostile';
import type { Pools } from './world';

/** What zod 4 keeps about a schema; only what this walker reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}

/** JSON as a transport would write it; BigInt, which JSON cannot carry, as text. */
const toJson = (value: unknown): string | undefined =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const kindOfKey: Record<string, string> = {
  reviewId: 'review',
  homeId: 'home',
  placementId: 'placement',
  personId: 'person',
  ownerPersonId: 'person',
  organisationId: 'organisation',
  otherOrganisationId: 'organisation',
  commissionerId: 'organisation',
  providerId: 'organisation',
  placingAuthorityId: 'organisation',
  noteId: 'note',
  actionId: 'action',
  participantId: 'participant',
  drawId: 'draw',
  minutesId: 'minutes',
};
const kindOfMethod: Record<string, string> = {
  organisations: 'organisation',
  homes: 'home',
  people: 'person',
  placements: 'placement',
  reviews: 'review',
  actions: 'action',
  notes: 'note',
};

/** The ids of the records a field names: `providerId` names organisations, `id` in homes.get a home. */
function idsFor(key: string, method: string, pools: Pools): string[] {
  const kind = key === 'id' ? kindOfMethod[method.split('.')[0]!] : kindOfKey[key];
  return kind && pools.byKind[kind]?.length ? pools.byKind[kind] : pools.ids;
}

/** The values that exist for a field that names something, by the field's name. */
function preferredFor(key: string, method: string, pools: Pools): string[] {
  if (key === 'deckId') return pools.deckIds;
  if (key === 'cardId') return [...pools.cardIds, 'sellick-1-senior-relationships'];
  if (key === 'fingerprint') return pools.fingerprints;
  if (key === 'organisation') return pools.organisations;
  if (key === 'fileName') return pools.fileNames;
  if (/(^id|Id)$/.test(key)) return idsFor(key, method, pools);
  return [];
}

/** A string for a field, chosen by its name: ids from the case book for id fields, and so on. */
function stringFor(key: string, method: string, pools: Pools): fc.Arbitrary<unknown> {
  if (/(^id|Id)$/.test(key)) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...idsFor(key, method, pools)) },
      { weight: 1, arbitrary: fc.constantFrom(...pools.ids) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constant('00000000-0000-0000-0000-000000000000') },
      { weight: 2, arbitrary: hostileString() },
    );
  }
  const known = /^(current|passphrase|confirmation)$/.test(key) ? pools.passphrases : preferredFor(key, method, pools);
  return known.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: hostileString() })
    : hostileString();
}

/**
 * Values shaped like the schema wants (real keys, enum members, ids that exist) but with hostile
 * text and numbers at the leaves: some pass the schema and reach the services, most do not.
 */
export function shaped(schema: z.ZodType, pools: Pools, method: string, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  // Now and then, any field gets a value of the wrong type altogether.
  const wrongTyped = (right: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: hostileValue() });
  switch (def.type) {
    case 'object': {
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const model = Object.fromEntries(keys.map((k) => [k, wrongTyped(shaped(shape[k]!, pools, method, k))]));
      const required = keys.filter((k) => !['optional', 'default'].includes(defOf(shape[k]!).type));
      return fc.oneof(
        { weight: 6, arbitrary: fc.record(model, { requiredKeys: required }) },
        // A required field missing.
        { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
      );
    }
    case 'optional':
    case 'default':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 4, arbitrary: shaped(def.innerType!, pools, method, key) },
      );
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 4, arbitrary: shaped(def.innerType!, pools, method, key) },
      );
    case 'pipe':
      return shaped(def.in!, pools, method, key);
    case 'union':
      return fc.oneof(...def.options!.map((option) => shaped(option, pools, method, key)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringFor(key, method, pools);
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -2, max: 200 }) },
        { weight: 1, arbitrary: hostileNumber() },
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(shaped(def.element!, pools, method, key), { maxLength: 4 });
    default:
      return hostileValue();
  }
}

/** Every constant a leaf may take, hostile and plausible: the valid ones are picked per field. */
function leafCandidates(pools: Pools): unknown[] {
  return [
    ...hostileStrings,
    ...plausibleStrings,
    ...hostileBase64,
    ...hostileNumbers,
    ...[1, 2, 3, 4, 5, 6, 8, 10, 14, 15, 20, 30, 60, 120, 240, '4', ' 7 '],
    ...pools.ids,
    ...pools.deckIds,
    ...pools.cardIds,
    ...pools.fingerprints,
    ...pools.organisations,
    ...pools.passphrases,
    ...pools.fileNames,
    '00000000-0000-0000-0000-000000000000',
    true,
    false,
    null,
  ];
}

/**
 * Payloads the schema should accept, with hostile text wherever the schema lets it through: the
 * leaves are the constants above that this field's own schema accepts (SQL, FTS syntax, HTML,
 * odd Unicode, real ids), so the services, not just the schemas, meet them.
 */
export function valid(schema: z.ZodType, pools: Pools, method: string, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const model = Object.fromEntries(keys.map((k) => [k, valid(shape[k]!, pools, method, k)]));
      const record = fc.record(model, {
        requiredKeys: keys.filter((k) => !['optional', 'default'].includes(defOf(shape[k]!).type)),
      });
      // A passphrase typed twice: the one refinement across fields that chance would rarely meet.
      return keys.includes('confirmation')
        ? record.map((value) => ({ ...value, confirmation: value.passphrase }))
        : record;
    }
    case 'optional':
    case 'default':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: valid(def.innerType!, pools, method, key) },
      );
    case 'nullable':
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: valid(def.innerType!, pools, method, key) },
      );
    case 'array':
      return fc.array(valid(def.element!, pools, method, key), { minLength: 1, maxLength: 3 });
    case 'union':
      if (def.options!.some((option) => defOf(option).type === 'object'))
        return fc.oneof(...def.options!.map((option) => valid(option, pools, method, key)));
      break;
    case 'pipe': {
      // A refined object (for example a home's judgement and its date): its own fields, then the refinement decides.
      if (['object', 'array'].includes(defOf(def.in!).type)) return valid(def.in!, pools, method, key);
      break;
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
  }
  const leaves = leafCandidates(pools).filter((candidate) => schema.safeParse(candidate).success);
  if (!leaves.length) return shaped(schema, pools, method, key);
  // A field that names something (a record, a deck, a backup) mostly names one that exists, so the service gets past its lookups.
  const preferred = preferredFor(key, method, pools).filter((value) => leaves.includes(value));
  return preferred.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...preferred) },
        { weight: 2, arbitrary: fc.constantFrom(...leaves) },
      )
    : fc.constantFrom(...leaves);
}

/** The method's own keys, for payloads that have the right names and wrong everything else. */
export function keysOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape!);
  if (def.type === 'pipe') return keysOf(def.in!);
  if (def.type === 'union') return [...new Set(def.options!.flatMap(keysOf))];
  return [];
}

/** Adds `__proto__`, `constructor` or `prototype` as own keys, at the top or inside a field. */
function poisoned(payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(payload, fc.constantFrom(...dangerousKeys), fc.constantFrom(...protoObjects), fc.boolean())
    .map(([value, key, poison, nested]) => {
      // Rebuilt through JSON, as a transport would; the poison goes in as text, so it is an own key.
      const json = toJson(value);
      if (json === undefined || !json.startsWith('{'))
        return JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(poison)}}`) as unknown;
      const target = JSON.parse(json) as Record<string, unknown>;
      const inner = nested
        ? Object.values(target).find(
            (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
          )
        : undefined;
      withOwnKey(inner ?? target, key, JSON.parse(JSON.stringify(poison)));
      return target;
    });
}

/** Arrays where objects belong, and the JSON a transport would make of a shaped payload. */
export function payloadFor(schema: z.ZodType, pools: Pools, method: string): fc.Arbitrary<unknown> {
  const good = shaped(schema, pools, method);
  const keys = keysOf(schema);
  const wrongTypes =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), hostileValue(), { minKeys: 1, maxKeys: keys.length })
      : fc.dictionary(fc.constantFrom('id', 'reviewId', 'text', 'name'), hostileValue(), { minKeys: 1, maxKeys: 2 });
  return fc.oneof(
    { weight: 4, arbitrary: valid(schema, pools, method) },
    { weight: 6, arbitrary: good },
    { weight: 3, arbitrary: wrongTypes },
    { weight: 2, arbitrary: poisoned(fc.oneof(good, wrongTypes)) },
    {
      weight: 2,
      arbitrary: good.map((value) => (value === undefined ? value : (JSON.parse(toJson(value)!) as unknown))),
    },
    { weight: 1, arbitrary: good.map((value) => [value]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(good, fc.constantFrom('extra', ...dangerousKeys), hostileValue())
        .map(([v, k, x]) => (typeof v === 'object' && v !== null ? withOwnKey({ ...v }, k, x) : v)),
    },
    { weight: 2, arbitrary: hostileValue() },
    { weight: 2, arbitrary: anyInput() },
  );
}
