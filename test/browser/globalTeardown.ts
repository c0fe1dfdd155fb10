/** Stops the Vite dev server that globalSetup started, by its PID. */
import { APP_PID_ENV } from './support/appServer';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env[APP_PID_ENV]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (isRunning(pid)) process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && isRunning(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  delete process.env[APP_PID_ENV];
}
