/** HS256 token verification failures, each with the message Graph gives. */
import { randomBytes } from 'node:crypto';
import { JWT_FAILURE_MESSAGES, signJwt, verifyJwt, type AccessTokenClaims } from '../src/auth/jwt';

const secret = randomBytes(32);
const now = 1_800_000_000;
const claims: AccessTokenClaims = {
  aud: 'https://graph.microsoft.com',
  iss: 'https://sts.windows.net/tenant/',
  iat: now,
  nbf: now,
  exp: now + 3600,
  oid: 'oid-1',
  upn: 'katrin.berger@mustergmbh.onmicrosoft.com',
  name: 'Katrin Berger',
  tid: 'tenant',
  scp: 'User.Read',
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyJwt', () => {
  it('accepts a token it signed, within its lifetime', () => {
    expect(verifyJwt(signJwt(claims, secret), secret, now + 10)).toEqual({ ok: true, claims });
  });

  it.each([
    ['empty', undefined],
    ['malformed', 'abc.def'],
    ['badHeader', `!!!.${b64(claims)}.sig`],
  ] as const)('reports %s', (failure, token) => {
    expect(verifyJwt(token, secret, now)).toEqual({ ok: false, failure });
  });

  it('refuses another secret, alg "none" and edited claims', () => {
    expect(verifyJwt(signJwt(claims, randomBytes(32)), secret, now)).toEqual({ ok: false, failure: 'badSignature' });
    expect(verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, secret, now)).toEqual({ ok: false, failure: 'badSignature' });
    const [header, , signature] = signJwt(claims, secret).split('.');
    expect(verifyJwt(`${header}.${b64({ ...claims, scp: 'Sites.FullControl.All' })}.${signature}`, secret, now)).toEqual({ ok: false, failure: 'badSignature' });
  });

  it('refuses tokens for another audience, expired ones and ones not yet valid', () => {
    expect(verifyJwt(signJwt({ ...claims, aud: 'api://other' }, secret), secret, now)).toEqual({ ok: false, failure: 'badAudience' });
    expect(verifyJwt(signJwt(claims, secret), secret, now + 3600)).toEqual({ ok: false, failure: 'expired' });
    expect(verifyJwt(signJwt({ ...claims, nbf: now + 3600 }, secret), secret, now)).toEqual({ ok: false, failure: 'notYetValid' });
    expect(JWT_FAILURE_MESSAGES.expired).toBe('Lifetime validation failed, the token is expired.');
  });
});
