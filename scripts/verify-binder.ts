/**
 * npm run verify-binder -- <binder.zip>
 * Reports every file that was changed, added or removed since the binder was exported; exits 1
 * when anything does not match, 2 when the file is no binder at all.
 */
import { readFileSync } from 'node:fs';
import { describeVerification } from '../src/features/binder/binderCli';
import { verifyBinder } from '../src/features/binder/verifyBinder';

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length > 0) {
    process.stderr.write('Usage: npm run verify-binder -- <binder.zip>\n');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    process.stderr.write(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { lines, exitCode } = describeVerification(await verifyBinder(bytes));
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
