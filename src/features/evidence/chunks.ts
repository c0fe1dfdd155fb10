/** Graph's `$batch` takes 20 requests: bulk work is cut into chunks of that size. */
export const BATCH_CHUNK = 20;

export function inChunks<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
