// Journey 6: the browser-mode API over HTTP — the access token, validation that names the fields
// and changes nothing, unknown methods.
import { expect, test } from './support/fixtures';

test.describe('API over HTTP', () => {
  test('a call without the access token is refused', async ({ server }) => {
    const r = await server.rpc('app.status', {}, { token: null });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'errors.noToken' },
    });
  });

  test('a call with a wrong access token is refused', async ({ server, coordinator }) => {
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`;
    const cases = [wrong, 'x', '', `${server.token}x`];
    for (const token of cases) {
      const r = await server.rpc('users.list', {}, { token, session: coordinator.session });
      expect(r.status, `token ${JSON.stringify(token)}`).toBe(401);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    // The same call with the right token works, so the refusal was about the token.
    const ok = await server.rpc('users.list', {}, { session: coordinator.session });
    expect(ok.status).toBe(200);
    expect(ok.body.ok).toBe(true);
  });

  test('an invalid input names the fields and changes nothing', async ({ server, coordinator }) => {
    const session = coordinator.session;
    const before = await server.call('users.list', {}, session);
    const auditBefore = await server.call('audit.verify', {}, session);

    const r = await server.rpc(
      'users.create',
      { username: 'a b', displayName: '张三', role: 'evaluator', password: 'abc' },
      { session },
    );
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    if (r.body.ok) return;
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.key).toBe('errors.VALIDATION');
    const paths = (r.body.error.fieldErrors ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(['password', 'username']);
    expect(r.body.error.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'username', key: 'validation.username_chars' },
        { path: 'password', key: 'validation.string_min', params: { min: 8 } },
      ]),
    );

    const after = await server.call('users.list', {}, session);
    expect(after.users).toHaveLength(before.users.length);
    expect(after.users.map((u) => u.username)).toEqual(before.users.map((u) => u.username));
    const auditAfter = await server.call('audit.verify', {}, session);
    expect(auditAfter.entries).toBe(auditBefore.entries);
    expect(auditAfter.ok).toBe(true);
  });

  test('an unknown method is refused as unknown', async ({ server, coordinator }) => {
    const r = await server.rpc('users.dropAll', {}, { session: coordinator.session });
    expect(r.body).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', key: 'errors.UNKNOWN_METHOD' },
    });
    // Names that exist on every object are not methods either.
    const proto = await server.rpc('constructor', {});
    expect(proto.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  test('a coordinator method without a session is refused', async ({ server, coordinator }) => {
    const r = await server.rpc('users.list', {});
    expect(r.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bogus = await server.rpc('users.list', {}, { session: 'not-a-session' });
    expect(bogus.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const real = await server.rpc('users.list', {}, { session: coordinator.session });
    expect(real.body.ok).toBe(true);
  });
});
