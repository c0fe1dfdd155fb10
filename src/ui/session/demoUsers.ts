import { z } from 'zod';

/** One entry of the emulator's sign-in list `GET /_signin/users` (docs/architecture.md). */
export const demoUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().min(1),
  userPrincipalName: z.string().min(1),
  jobTitle: z.string().nullish(),
});
export type DemoUser = z.infer<typeof demoUserSchema>;

export class DemoUsersUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoUsersUnavailableError';
  }
}

/** Lists the demo company's users from the emulator's sign-in routes (open to the app's origin only). */
export async function fetchDemoUsers(emulatorUrl: string, fetchFn: typeof fetch = globalThis.fetch): Promise<DemoUser[]> {
  const url = `${emulatorUrl.replace(/\/+$/, '')}/_signin/users`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new DemoUsersUnavailableError(`GET ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new DemoUsersUnavailableError(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new DemoUsersUnavailableError(`GET ${url} did not answer JSON: ${text.slice(0, 300)}`, { cause });
  }
  const parsed = z.array(demoUserSchema).safeParse(body);
  if (!parsed.success) {
    throw new DemoUsersUnavailableError(`GET ${url} answered an unexpected shape: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
