/**
 * npm run setup -- --site <url> --top-management <group> --isb <group> --auditors <group> [--all-staff <group>] [--dry-run]
 *   [--graph <url> --token <t> --sharepoint-token <t>] [--emulator <url> [--admin-secret <s>]] [--as <upn>]
 * Sets up the evidence site (lists, role groups by object id, permission levels, unique permissions,
 * versioning); idempotent. By default against the local emulator, as its site owner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeResult, parseSetupArgs, runSetupCli, SETUP_USAGE, SetupUsageError } from '../src/features/setup/setupCli';

async function main(): Promise<number> {
  let args;
  try {
    args = parseSetupArgs(process.argv.slice(2), process.env);
    const secretFile = join(__dirname, '..', '.emulator-data', 'admin-secret');
    if (!args.graphBaseUrl && !args.adminSecret && existsSync(secretFile)) args = { ...args, adminSecret: readFileSync(secretFile, 'utf8').trim() };
  } catch (error) {
    if (!(error instanceof SetupUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${SETUP_USAGE}\n`);
    return 2;
  }
  const result = await runSetupCli(args);
  process.stdout.write(`${describeResult(result).join('\n')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
