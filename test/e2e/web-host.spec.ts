import { expect, test } from './fixtures';

test('GET /api lists every method with its input schema, behind the token', async ({ request, host }) => {
  const base = `http://127.0.0.1:${host.port}`;
  expect((await request.get(`${base}/api`)).status()).toBe(401);

  const response = await request.get(`${base}/api`, { headers: { Authorization: `Bearer ${host.token}` } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { methods: { name: string; input: { type: string; properties: object } }[] };
  const create = body.methods.find((method) => method.name === 'homes.create');
  expect(create?.input.type).toBe('object');
  expect(Object.keys(create!.input.properties)).toEqual(
    expect.arrayContaining(['providerId', 'name', 'ofstedUrn', 'registeredPlaces']),
  );
  expect(body.methods.map((method) => method.name)).toContain('organisations.list');
});

test('a call without the token gets 401; malformed input gets 400 in plain words and writes nothing', async ({
  request,
  host,
}) => {
  const base = `http://127.0.0.1:${host.port}`;
  const auth = { Authorization: `Bearer ${host.token}` };

  const noToken = await request.post(`${base}/api/organisations.create`, { data: { name: 'A', kind: 'provider' } });
  expect(noToken.status()).toBe(401);
  expect(await noToken.json()).toMatchObject({ code: 'unauthorised' });

  const wrongToken = await request.post(`${base}/api/organisations.list`, {
    data: {},
    headers: { Authorization: 'Bearer nope' },
  });
  expect(wrongToken.status()).toBe(401);

  const malformed = await request.post(`${base}/api/organisations.create`, {
    data: { name: 42, kind: 'castle' },
    headers: auth,
  });
  expect(malformed.status()).toBe(400);
  const error = (await malformed.json()) as { code: string; message: string };
  expect(error.code).toBe('invalid_input');
  expect(error.message).toContain('Choose whether this is a local authority, a provider or another organisation.');
  expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+|ZodError|stack/);

  const notJson = await request.post(`${base}/api/organisations.create`, {
    headers: { ...auth, 'Content-Type': 'application/json' },
    data: Buffer.from('{"name": "Half'),
  });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toEqual({
    code: 'invalid_input',
    message: 'The request was not valid JSON, so nothing was changed.',
  });

  const list = await request.post(`${base}/api/organisations.list`, { data: {}, headers: auth });
  expect(await list.json()).toEqual([]);
});
