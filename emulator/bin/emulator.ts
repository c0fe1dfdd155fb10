/**
 * CLI: `tsx emulator/bin/emulator.ts [--port 4365] [--files-port 4366] [--data .emulator-data] [--reset] [--host 127.0.0.1] [--exit-after-seed]`
 * First stdout line: "Emulator listening on http://<host>:<port> and http://<host>:<files-port> (SharePoint file host)".
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEmulator, DEFAULT_DATA_DIR, DEFAULT_PORT } from '../src/server';

const USAGE = `Usage: emulator [--port <n>] [--files-port <n>] [--data <dir>] [--reset] [--host <host>] [--exit-after-seed]
  --port             port to listen on (default ${DEFAULT_PORT}; 0 = a free port)
  --files-port       port of the SharePoint file host, where download URLs point (default: port + 1; 0 = a free port)
  --data             data directory (default ${DEFAULT_DATA_DIR})
  --reset            wipe the data and seed the demo company "Muster GmbH" again
  --host             interface to bind (default 127.0.0.1)
  --exit-after-seed  seed (with --reset: reseed) and exit without serving`;

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  'files-port': z.coerce.number().int().min(0).max(65535).optional(),
  data: z.string().min(1).default(DEFAULT_DATA_DIR),
  reset: z.boolean().default(false),
  host: z.string().min(1).default('127.0.0.1'),
  'exit-after-seed': z.boolean().default(false),
  help: z.boolean().default(false),
});

async function main(): Promise<void> {
  let raw;
  try {
    raw = parseArgs({
      options: {
        port: { type: 'string' },
        'files-port': { type: 'string' },
        data: { type: 'string' },
        reset: { type: 'boolean' },
        host: { type: 'string' },
        'exit-after-seed': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  const args = parsed.data;
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args['exit-after-seed']) {
    const emulator = await createEmulator({ port: 0, host: '127.0.0.1', dataDir: args.data, reset: args.reset });
    await emulator.close();
    console.log(`Demo company seeded in ${args.data}.`);
    return;
  }
  const filesPort = args['files-port'];
  const emulator = await createEmulator({ port: args.port, ...(filesPort === undefined ? {} : { filesPort }), host: args.host, dataDir: args.data, reset: args.reset });
  console.log(`Emulator listening on ${emulator.url} and ${emulator.filesUrl} (SharePoint file host)`);
  console.log(`  Graph:     ${emulator.url}/v1.0`);
  console.log(`  Admin API: ${emulator.url}/_admin/health`);
  console.log(`  Downloads: ${emulator.filesUrl}/_download/… (pre-authenticated, another origin than Graph)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Emulator did not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hint = code === 'EADDRINUSE' ? ' The port is in use: stop the other emulator or pass --port 0 (a free port) or another port.' : '';
  console.error(`Emulator failed to start: ${error instanceof Error ? error.message : String(error)}.${hint}`);
  process.exit(1);
});
