/** Reads a request body into a Buffer, refusing more than `limit` bytes (→ 413). */
import type { IncomingMessage } from 'node:http';
import { BodyTooLarge } from '../pipeline';

export function bodyReader(req: IncomingMessage, onTooLarge: () => void): (limit: number) => Promise<Buffer> {
  let cached: Promise<Buffer> | undefined;
  return (limit) => {
    cached ??= new Promise<Buffer>((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > limit) {
        onTooLarge();
        reject(new BodyTooLarge(limit));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      req.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > limit) {
          failed = true;
          onTooLarge();
          reject(new BodyTooLarge(limit));
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (!failed) resolve(Buffer.concat(chunks));
      });
      req.on('error', (error) => {
        if (!failed) reject(error);
      });
    });
    return cached;
  };
}
