import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const h = await hashPassword('正确的密码 correct horse');
    expect(await verifyPassword('正确的密码 correct horse', h)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('reads the parameters from the stored string, and refuses malformed ones', async () => {
    const h = await hashPassword('pw');
    const parts = h.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    // The same key under other parameters does not verify.
    expect(await verifyPassword('pw', ['scrypt', '16384', ...parts.slice(2)].join('$'))).toBe(
      false,
    );
    for (const bad of ['', 'plain', 'bcrypt$x', 'scrypt$0$8$1$a$b', h.slice(0, -2) + 'AA']) {
      expect(await verifyPassword('pw', bad)).toBe(false);
    }
  });
});
