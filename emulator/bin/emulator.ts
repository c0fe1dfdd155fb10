/**
 * CLI: `tsx emulator/bin/emulator.ts [--port 4365] [--files-port 4366] [--data .emulator-data] [--reset] [--host 127.0.0.1]
 *   [--app-origin <origin>]... [--exit-after-seed]
 *   [--ru-licences <n> | --ru-budget <ru per minute>]`
 * First stdout line: "Emulator listening on http://<host>:<port> and http://<host>:<files-port> (SharePoint file host)";
 * a later one "  Admin secret: <secret>".
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEmulator, DEFAULT_DATA_DIR, DEFAULT_PORT } from '../src/server';
import { perMinuteForLicences } from '../src/ru';
import { ADMIN_SECRET_ENV, ADMIN_SECRET_FILE, ADMIN_SECRET_HEADER, isLoopback } from '../src/http/localAccess';

const USAGE = `Usage: emulator [--port <n>] [--files-port <n>] [--data <dir>] [--reset] [--host <host>] [--app-origin <origin>]... [--exit-after-seed]
                [--ru-licences <n> | --ru-budget <n>]
  --port             port to listen on (default ${DEFAULT_PORT}; 0 = a free port)
  --files-port       port of the SharePoint file host, where download URLs point (default: port + 1; 0 = a free port)
  --data             data directory (default ${DEFAULT_DATA_DIR})
  --reset            wipe the data and seed the demo company "Muster GmbH" again
  --host             interface to bind (default 127.0.0.1; anything but loopback is reachable from other machines)
  --app-origin       web origin allowed to sign in through /_signin (repeatable), e.g. http://localhost:5173
  --exit-after-seed  seed (with --reset: reseed) and exit without serving
  --ru-licences      switch on SharePoint's resource-unit budget per app per minute, at the tier of a tenant
                     with that many licences (0-999: 1,200 RU; 1k-5k: 2,400; ...). Default off
  --ru-budget        the same with an explicit number of resource units per app per minute
The admin API (/_admin) needs the header ${ADMIN_SECRET_HEADER}: the secret printed at start, also in
<data>/${ADMIN_SECRET_FILE}; ${ADMIN_SECRET_ENV} sets it instead of a random one.`;

const originSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin like http://localhost:5173 (scheme, host, port; no path or trailing slash)');

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  'files-port': z.coerce.number().int().min(0).max(65535).optional(),
  data: z.string().min(1).default(DEFAULT_DATA_DIR),
  reset: z.boolean().default(false),
  host: z.string().min(1).default('127.0.0.1'),
  'app-origin': z.array(originSchema).default([]),
  'exit-after-seed': z.boolean().default(false),
  'ru-licences': z.coerce.number().int().min(0).optional(),
  'ru-budget': z.coerce.number().int().min(1).optional(),
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
        'app-origin': { type: 'string', multiple: true },
        'exit-after-seed': { type: 'boolean' },
        'ru-licences': { type: 'string' },
        'ru-budget': { type: 'string' },
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
  const licences = args['ru-licences'];
  const ruBudgetPerMinute = args['ru-budget'] ?? (licences === undefined ? undefined : perMinuteForLicences(licences));
  const emulator = await createEmulator({
    port: args.port,
    ...(filesPort === undefined ? {} : { filesPort }),
    host: args.host,
    dataDir: args.data,
    reset: args.reset,
    appOrigins: args['app-origin'],
    ...(ruBudgetPerMinute === undefined ? {} : { ruBudgetPerMinute }),
  });
  console.log(`Emulator listening on ${emulator.url} and ${emulator.filesUrl} (SharePoint file host)`);
  console.log(`  Graph:        ${emulator.url}/v1.0`);
  console.log(`  Downloads:    ${emulator.filesUrl}/_download/… (pre-authenticated, another origin than Graph)`);
  console.log(`  Admin API:    ${emulator.url}/_admin/health (header ${ADMIN_SECRET_HEADER})`);
  console.log(`  Admin secret: ${emulator.adminSecret} (also in ${args.data}/${ADMIN_SECRET_FILE} while it runs)`);
  if (ruBudgetPerMinute !== undefined) console.log(`  RU budget:    ${ruBudgetPerMinute} SharePoint resource units per app per minute`);
  console.log(`  Sign-in for:  ${args['app-origin'].length > 0 ? args['app-origin'].join(', ') : 'no app origin (--app-origin)'}`);
  if (!isLoopback(args.host)) {
    console.error(
      `WARNING: listening on ${args.host}, not on loopback: other machines can reach the emulator's Graph API and its sign-in. ` +
        'Use it on a trusted network only; without --host the emulator listens on 127.0.0.1.',
    );
  }
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
