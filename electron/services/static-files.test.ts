import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing';
import { readStatic, resolveStaticPath } from './static-files';

let tmp: ReturnType<typeof tempDir>;
let root: string;
beforeAll(() => {
  tmp = tempDir();
  root = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'x');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
});
afterAll(() => tmp.cleanup());

describe('static files', () => {
  it('maps / to index.html and serves files under the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolveStaticPath(root, p)).toBeNull();
  });

  it('answers with the CSP and the content type', async () => {
    const r = await readStatic(root, '/assets/app.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/javascript');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await readStatic(root, '/../secret.txt')).status).toBe(404);
    expect((await readStatic(root, '/missing.js')).status).toBe(404);
  });
});
