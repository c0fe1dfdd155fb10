/**
 * Sets the demo company's evidence site up through the app's own setup, as the site owner Lukas Schneider
 * (npm start after the emulator is up, npm run emulator:reset after a reset). Idempotent: on a set-up site it
 * changes nothing. Usage: tsx scripts/setup-demo.ts [emulator url]  (admin secret from .emulator-data/admin-secret
 * or EMULATOR_ADMIN_SECRET)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EMULATOR_URL, describeResult, setUpDemoCompany } from '../src/features/setup/setupCli';
import { installTeamsAppInEmulator } from './install-teams-app';

const emulatorUrl = process.argv[2] ?? DEFAULT_EMULATOR_URL;
const secretFile = join(__dirname, '..', '.emulator-data', 'admin-secret');
const secret = process.env.EMULATOR_ADMIN_SECRET || (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');

setUpDemoCompany(emulatorUrl, secret)
  .then(async (result) => {
    // The Teams app with its activity types, installed for everyone (nudges, issue 15).
    await installTeamsAppInEmulator(emulatorUrl, secret);
    process.stdout.write(`Demo site setup: ${result.changed ? `${result.steps.length} changes` : 'already set up'}.\n`);
    if (process.env.CHEFSACHE_SETUP_VERBOSE) process.stdout.write(`${describeResult(result).join('\n')}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`Demo site setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
