/**
 * npm run verify-binder -- <binder.zip> [--graph <url> --token <t> | --emulator <url>] [--site <url>]
 * With Graph access it also checks the binder's signatures against SharePoint's signature items.
 * Reports every file that was changed, added, removed or stored twice since the binder was
 * exported; exits 1 when anything does not match, 2 when the file is no binder at all or exceeds
 * the limits (entry count, unpacked size). The ZIP is streamed from disk, entry by entry.
 */
import { createReadStream, statSync } from 'node:fs';
import { UsageError } from '../src/features/binder/binderCli';
import { verifyBinder } from '../src/features/binder/verifyBinder';
import { parseVerifyArgs, runVerify, VERIFY_USAGE, type VerifyArgs } from '../src/features/binder/verifyCli';

async function main(): Promise<number> {
  let args: VerifyArgs;
  try {
    args = parseVerifyArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const { path } = args;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (error) {
    process.stderr.write(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { lines, exitCode } = await runVerify(args, await verifyBinder(createReadStream(path)));
  (exitCode === 0 ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-binder failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
