#!/usr/bin/env node
// `npm run emulator:reset`: puts the demo company back to its seed.
// If the emulator is running (npm start), it is reset through its admin API with the admin secret it
// wrote to .emulator-data/admin-secret (or EMULATOR_ADMIN_SECRET); otherwise its data folder is
// removed and the next start seeds it again.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const port = Number(process.env.CHEFSACHE_EMULATOR_PORT ?? 4365);
const dataDir = join(new URL('..', import.meta.url).pathname, '.emulator-data');
const secretFile = join(dataDir, 'admin-secret');
const secret = process.env.EMULATOR_ADMIN_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');
try {
  const res = await fetch(`http://127.0.0.1:${port}/_admin/reset`, { method: 'POST', headers: { 'x-emulator-admin-secret': secret } });
  if (!res.ok) throw new Error(`reset answered ${res.status}: ${await res.text()}`);
  console.log(`Demo company reset in the running emulator on port ${port}.`);
} catch (err) {
  if (err instanceof Error && err.message.startsWith('reset answered')) {
    console.error(err.message);
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`No emulator running on port ${port}: removed ${dataDir}; the next npm start seeds the demo company.`);
}
