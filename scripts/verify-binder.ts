/**
 * npm run verify-binder -- <binder.zip>
 * Reports every file that was changed, added, removed or stored twice since the binder was
 * exported; exits 1 when anything does not match, 2 when the file is no binder at all or exceeds
 * the limits (entry count, unpacked size). The ZIP is streamed from disk, entry by entry.
 */
import { createReadStream, statSync } from 'node:fs';
import { describeVerification } from '../src/features/binder/binderCli';
import { verifyBinder } from '../src/features/binder/verifyBinder';

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length > 0) {
    process.stderr.write('Usage: npm run verify-binder -- <binder.zip>\n');
    return 2;
  }
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (error) {
    process.stderr.write(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { lines, exitCode } = describeVerification(await verifyBinder(createReadStream(path)));
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
