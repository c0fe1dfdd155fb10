/**
 * `tsx scripts/demo/run.ts [emulator url]`: fills the demo company with its year (npm start on first start,
 * npm run emulator:reset). Admin secret from .emulator-data/admin-secret or EMULATOR_ADMIN_SECRET.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoYear } from './seedDemoYear';

const emulatorUrl = process.argv[2] ?? 'http://localhost:4365';
const secretFile = join(__dirname, '..', '..', '.emulator-data', 'admin-secret');
const adminSecret = process.env.EMULATOR_ADMIN_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');

seedDemoYear({ emulatorUrl, adminSecret }, { log: (line) => process.stdout.write(`  ${line}\n`) }).then(
  (result) => process.stdout.write(`Demo year: ${result.created} new records, ${result.decided} review decisions.\n`),
  (error: unknown) => {
    process.stderr.write(`Demo year failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
