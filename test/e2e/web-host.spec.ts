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

test('the page takes the token out of the address bar and its history once it has read it', async ({ page, host }) => {
  await page.goto(`${host.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // The route is kept; the token is gone from the address and from this history entry.
  expect(page.url()).toBe(`http://127.0.0.1:${host.port}/#/settings`);
  expect(await page.evaluate(() => window.location.search)).toBe('');
  // The page still calls the API (the token is kept in this tab), after a reload as well.
  await expect(page.getByText(`${host.dataDir}/casebook.sqlite`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`${host.dataDir}/casebook.sqlite`)).toBeVisible();
  expect(page.url()).not.toContain(host.token);
  // Going back leads to no entry that holds it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(page.url()).not.toContain(host.token);
});
