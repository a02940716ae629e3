import { describe, expect, it } from 'vitest';
import type { Home } from '@shared/domain/homes';
import type { Organisation } from '@shared/domain/organisations';
import { callError, callOk, testCore, type TestCore } from './helpers';

async function counts(core: TestCore) {
  const organisations = await callOk<Organisation[]>(core, 'organisations.list', { includeArchived: true });
  const homes = await callOk<Home[]>(core, 'homes.list', { includeArchived: true });
  return { organisations: organisations.length, homes: homes.length };
}

async function aProvider(core: TestCore, name = 'Brightwater Care Ltd') {
  return callOk<Organisation>(core, 'organisations.create', { name, kind: 'provider' });
}

describe('organisations', () => {
  it('adds an organisation, trims its name, stamps UTC times and lists by name', async () => {
    const core = testCore();
    await callOk(core, 'organisations.create', { name: '  Westshire Council ', kind: 'local_authority' });
    await aProvider(core);
    const list = await callOk<Organisation[]>(core, 'organisations.list', {});
    expect(list.map((o) => [o.name, o.kind])).toEqual([
      ['Brightwater Care Ltd', 'provider'],
      ['Westshire Council', 'local_authority'],
    ]);
    expect(list[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(list[0]!.archivedAt).toBeNull();
  });

  it('refuses a duplicate of the same kind, whatever its case, and writes nothing', async () => {
    const core = testCore();
    await aProvider(core);
    const error = await callError(core, 'organisations.create', { name: 'BRIGHTWATER care ltd', kind: 'provider' });
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Provider “BRIGHTWATER care ltd” is already in the case book.',
    });
    expect(await counts(core)).toEqual({ organisations: 1, homes: 0 });
    // The same name as another kind of organisation is a different organisation.
    await callOk(core, 'organisations.create', { name: 'Brightwater Care Ltd', kind: 'other' });
  });

  it.each([
    [{}, 'invalid_input'],
    [{ name: '', kind: 'provider' }, 'invalid_input'],
    [{ name: 'x'.repeat(201), kind: 'provider' }, 'invalid_input'],
    [{ name: 7, kind: 'provider' }, 'invalid_input'],
    [{ name: 'A', kind: 'PROVIDER' }, 'invalid_input'],
    [{ name: 'A', kind: 'provider', id: 'chosen-by-caller' }, 'invalid_input'],
    [{ name: "Robert'); DROP TABLE organisations;--", kind: 'toString' }, 'invalid_input'],
  ])('refuses %j with %s and writes nothing', async (input, code) => {
    const core = testCore();
    const error = await callError(core, 'organisations.create', input);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await counts(core)).toEqual({ organisations: 0, homes: 0 });
  });

  it('stores hostile text as text', async () => {
    const core = testCore();
    const name = "<script>alert(1)</script> Robert'); DROP TABLE organisations;-- 🏠 Ærø";
    await callOk(core, 'organisations.create', { name, kind: 'other' });
    const [stored] = await callOk<Organisation[]>(core, 'organisations.list', {});
    expect(stored!.name).toBe(name);
  });
});

describe('homes', () => {
  it('adds a home for a provider, normalising the Ofsted URN, and lists it with its provider', async () => {
    const core = testCore();
    const provider = await aProvider(core);
    const home = await callOk<Home>(core, 'homes.create', {
      providerId: provider.id,
      name: 'Oakwood House',
      ofstedUrn: 'sc 123456',
    });
    expect(home).toMatchObject({
      name: 'Oakwood House',
      ofstedUrn: 'SC123456',
      providerId: provider.id,
      providerName: 'Brightwater Care Ltd',
    });
    expect(await callOk<Home[]>(core, 'homes.list', {})).toEqual([home]);
  });

  it('explains a malformed URN in words a home manager would recognise', async () => {
    const core = testCore();
    const provider = await aProvider(core);
    for (const ofstedUrn of ['123456', 'SC12345', 'SC1234567', 'XY123456', '', 'SC12345a']) {
      const error = await callError(core, 'homes.create', {
        providerId: provider.id,
        name: 'Oakwood House',
        ofstedUrn,
      });
      expect(error.fields?.ofstedUrn).toBe(
        'An Ofsted URN for a children’s home is SC followed by six digits, for example SC123456.',
      );
    }
    expect(await counts(core)).toEqual({ organisations: 1, homes: 0 });
  });

  it('refuses a URN already in the case book, naming the home that has it', async () => {
    const core = testCore();
    const provider = await aProvider(core);
    await callOk(core, 'homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
    const error = await callError(core, 'homes.create', {
      providerId: provider.id,
      name: 'Elm Lodge',
      ofstedUrn: 'SC123456',
    });
    expect(error).toMatchObject({
      code: 'conflict',
      fields: { ofstedUrn: 'Already used by “Oakwood House”. Check the URN on the home’s Ofsted report.' },
    });
    expect(await counts(core)).toEqual({ organisations: 1, homes: 1 });
  });

  it('refuses a home whose provider is missing or is not a provider', async () => {
    const core = testCore();
    const council = await callOk<Organisation>(core, 'organisations.create', {
      name: 'Westshire Council',
      kind: 'local_authority',
    });
    for (const providerId of [council.id, '0b7d0e2e-8f0c-4a51-9d3e-6a1f9d2b7c11']) {
      const error = await callError(core, 'homes.create', { providerId, name: 'Oakwood House', ofstedUrn: 'SC123456' });
      expect(error).toMatchObject({
        code: 'invalid_input',
        fields: { providerId: 'Choose a provider from the list.' },
      });
    }
    expect(
      (await callError(core, 'homes.create', { providerId: 'not-an-id', name: 'Oakwood House', ofstedUrn: 'SC123456' }))
        .fields,
    ).toEqual({
      providerId: 'Choose the provider that runs this home.',
    });
    expect(await counts(core)).toEqual({ organisations: 1, homes: 0 });
  });

  it('keeps what was added when the case book is closed and opened again', async () => {
    const first = testCore();
    const provider = await aProvider(first);
    await callOk(first, 'homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
    first.close();
    const again = testCore(first.dataDir);
    expect((await callOk<Home[]>(again, 'homes.list', {})).map((home) => home.name)).toEqual(['Oakwood House']);
  });
});

describe('events', () => {
  it('tells subscribers when the case book changes, and not when a write is refused', async () => {
    const core = testCore();
    const seen: string[] = [];
    core.events.subscribe((event) =>
      seen.push(event.name === 'casebook.changed' ? `${event.name}:${event.data.kind}` : event.name),
    );
    const provider = await aProvider(core);
    await callError(core, 'homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'bad' });
    await callOk(core, 'homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
    expect(seen).toEqual(['casebook.changed:organisation', 'casebook.changed:home']);
  });
});
