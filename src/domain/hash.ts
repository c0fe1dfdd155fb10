/**
 * SHA-256 of evidence contents via WebCrypto (`crypto.subtle`: Node 20 and browsers).
 * Deterministic, so it may live in the pure domain.
 */
export type HashInput = ArrayBuffer | ArrayBufferView | string;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

function toBytes(input: HashInput): Uint8Array<ArrayBuffer> {
  if (typeof input === 'string') return new TextEncoder().encode(input) as Uint8Array<ArrayBuffer>;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  // Copy views: subtle.digest needs a plain ArrayBuffer-backed view of exactly these bytes.
  const copy = new Uint8Array(input.byteLength);
  copy.set(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  return copy;
}

export async function sha256Hex(input: HashInput): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error('SHA-256 needs WebCrypto (crypto.subtle), which this environment does not provide.');
  }
  const digest = await subtle.digest('SHA-256', toBytes(input));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True when `hex` is a lowercase 64-character SHA-256 hex digest. */
export function isSha256Hex(hex: string): boolean {
  return SHA256_HEX.test(hex);
}
