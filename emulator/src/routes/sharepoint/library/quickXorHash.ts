/**
 * QuickXorHash, the hash OneDrive for Business and SharePoint report in `file.hashes`
 * (Microsoft's published algorithm: 160-bit shifted XOR of the bytes, then the length
 * XORed into the last 8 bytes; base64 encoded).
 */
const WIDTH_IN_BITS = 160;
const SHIFT = 11;
const BITS_IN_LAST_CELL = 32;
const CELLS = 3;
const MASK64 = (1n << 64n) - 1n;

export function quickXorHash(bytes: Uint8Array): string {
  const data: bigint[] = [0n, 0n, 0n];
  let vectorArrayIndex = 0;
  let vectorOffset = 0;
  const iterations = Math.min(bytes.length, WIDTH_IN_BITS);
  for (let i = 0; i < iterations; i += 1) {
    const isLastCell = vectorArrayIndex === CELLS - 1;
    const bitsInVectorCell = isLastCell ? BITS_IN_LAST_CELL : 64;
    let xored = 0;
    for (let j = i; j < bytes.length; j += WIDTH_IN_BITS) xored ^= bytes[j] as number;
    const value = BigInt(xored);
    if (vectorOffset <= bitsInVectorCell - 8) {
      data[vectorArrayIndex] = ((data[vectorArrayIndex] as bigint) ^ (value << BigInt(vectorOffset))) & MASK64;
    } else {
      const index2 = isLastCell ? 0 : vectorArrayIndex + 1;
      const low = bitsInVectorCell - vectorOffset;
      data[vectorArrayIndex] = ((data[vectorArrayIndex] as bigint) ^ (value << BigInt(vectorOffset))) & MASK64;
      data[index2] = ((data[index2] as bigint) ^ (value >> BigInt(low))) & MASK64;
    }
    vectorOffset += SHIFT;
    while (vectorOffset >= bitsInVectorCell) {
      vectorArrayIndex = isLastCell ? 0 : vectorArrayIndex + 1;
      vectorOffset -= bitsInVectorCell;
    }
  }
  const out = Buffer.alloc(WIDTH_IN_BITS / 8);
  out.writeBigUInt64LE(data[0] as bigint, 0);
  out.writeBigUInt64LE(data[1] as bigint, 8);
  out.writeUInt32LE(Number((data[2] as bigint) & 0xffffffffn), 16);
  const length = Buffer.alloc(8);
  length.writeBigInt64LE(BigInt(bytes.length));
  for (let i = 0; i < 8; i += 1) {
    const index = WIDTH_IN_BITS / 8 - 8 + i;
    out[index] = (out[index] as number) ^ (length[i] as number);
  }
  return out.toString('base64');
}
