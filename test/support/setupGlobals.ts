/**
 * Globals that jsdom lacks (TOOLCHAIN.md): crypto.subtle, TextEncoder/TextDecoder,
 * structuredClone, fetch. Node 20 has real ones; jsdom environments hide them.
 */
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
if (!g.crypto || !(g.crypto as Crypto).subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (!g.structuredClone) g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v));
if (!g.fetch) {
  // jsdom has no fetch. Unit tests inject their own fetch; a stray call fails loudly.
  g.fetch = () => Promise.reject(new Error('fetch is not available in this test environment'));
}
