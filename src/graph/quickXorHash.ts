/**
 * QuickXorHash: the hash OneDrive for Business and SharePoint report in `file.hashes.quickXorHash`
 * (Microsoft Learn, "Code snippets: QuickXorHash algorithm",
 * https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash): byte i is XORed
 * into a 160-bit block rotated left by 11·i bits, the length (int64, little-endian) is XORed into the
 * last 8 bytes, and the block is base64 encoded. Not cryptographic: it tells whether SharePoint kept
 * the bytes as sent; tamper evidence is SHA-256.
 */
const WIDTH_IN_BITS = 160;
const SHIFT = 11;

export function quickXorHash(bytes: Uint8Array): string {
  // Bytes 160 apart land on the same bit offset (11·160 ≡ 0 mod 160): fold them first.
  const folded = new Uint8Array(Math.min(bytes.length, WIDTH_IN_BITS));
  for (let i = 0; i < bytes.length; i += 1) folded[i % WIDTH_IN_BITS]! ^= bytes[i]!;
  const block = new Uint8Array(WIDTH_IN_BITS / 8);
  for (let i = 0; i < folded.length; i += 1) {
    const value = folded[i]!;
    const offset = (i * SHIFT) % WIDTH_IN_BITS;
    for (let bit = 0; bit < 8; bit += 1) {
      if ((value >> bit) & 1) {
        const position = (offset + bit) % WIDTH_IN_BITS;
        block[position >> 3]! ^= 1 << (position & 7);
      }
    }
  }
  let length = BigInt(bytes.length);
  for (let i = 0; i < 8; i += 1) {
    block[WIDTH_IN_BITS / 8 - 8 + i]! ^= Number(length & 0xffn);
    length >>= 8n;
  }
  let binary = '';
  for (const b of block) binary += String.fromCharCode(b);
  return btoa(binary);
}
