/**
 * npm run export-binder -- --out <binder.zip> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang de|en]
 *   [--graph <baseUrl> --token <token>] [--site <url>] [--emulator <url> [--admin-secret <s>]] [--user <upn>]
 * Exports the auditor binder (PDF + every file + SHA-256 manifest) as the panel does; by default
 * from the local emulator's demo company.
 */
import { createWriteStream, existsSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { EXPORT_USAGE, UsageError, parseExportArgs, runExport } from '../src/features/binder/binderCli';
import type { BinderSink } from '../src/features/binder/exportBinder';

/** The ZIP goes to the file as it is made; a full write buffer waits for the disk (memory stays flat). */
function fileSink(stream: WriteStream): BinderSink {
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseExportArgs(process.argv.slice(2), process.env);
    // npm start's emulator writes its per-start admin secret here (0600) while it runs.
    const secretFile = join(__dirname, '..', '.emulator-data', 'admin-secret');
    if (!args.graphBaseUrl && !args.adminSecret && existsSync(secretFile)) args = { ...args, adminSecret: readFileSync(secretFile, 'utf8').trim() };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const stream = createWriteStream(args.out);
  await once(stream, 'open'); // an unwritable path fails here, before anything is downloaded
  let binder;
  try {
    binder = await runExport(args, fileSink(stream), { onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`) });
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    rmSync(args.out, { force: true }); // no half-written binder left behind
    throw error;
  }
  process.stderr.write('\n');
  const mismatches = binder.entries.filter((e) => e.hashMismatch).length;
  process.stdout.write(`Wrote ${args.out}: ${binder.manifest.itemCount} items, ${binder.manifest.files.length} files.\n`);
  if (mismatches > 0) process.stdout.write(`WARNING: ${mismatches} items' content does not match the hash stored at capture (see binder.pdf).\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`export-binder failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
