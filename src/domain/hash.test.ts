import { isSha256Hex, sha256Hex } from './hash';
import { sha256HexSync } from './sha256';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('sha256Hex (WebCrypto)', () => {
  it('matches the FIPS 180 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe(ABC);
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY);
  });

  it('hashes exactly the bytes of a view, not its whole buffer', async () => {
    const buffer = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(buffer.subarray(2, 5))).toBe(ABC);
    expect(await sha256Hex(buffer.buffer.slice(2, 5))).toBe(ABC);
  });

  it('produces lowercase 64-character hex that the evidence schema accepts', async () => {
    const hex = await sha256Hex('Leitlinie v3.pdf');
    expect(isSha256Hex(hex)).toBe(true);
    expect(isSha256Hex(hex.toUpperCase())).toBe(false);
  });
});

describe('sha256HexSync', () => {
  it('matches the test vectors', () => {
    expect(sha256HexSync('abc')).toBe(ABC);
    expect(sha256HexSync('')).toBe(EMPTY);
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('agrees with WebCrypto for %i bytes of UTF-8 text', async (length) => {
    const text = 'ä€'.repeat(length).slice(0, length);
    expect(sha256HexSync(text)).toBe(await sha256Hex(text));
  });
});
