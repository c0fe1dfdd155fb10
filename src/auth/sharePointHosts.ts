import { z } from 'zod';
import { EMULATOR_ADMIN_SECRET_HEADER } from './emulatorTokenProvider';

/**
 * Where a SharePoint host name is served. On a tenant: `https://<host>` itself. The local emulator serves
 * `mustergmbh.sharepoint.com` from its file host and says so at `GET /_signin/hosts` (app origins) or
 * `GET /_admin/hosts` (admin secret, Node tools): only this base URL and the token provider differ.
 */
export type OriginOf = (hostname: string) => string;

export const tenantOrigins: OriginOf = (hostname) => `https://${hostname}`;

const hostsSchema = z.record(z.string(), z.string().url());

export class SharePointHostUnknownError extends Error {
  override readonly name = 'SharePointHostUnknownError';
}

export async function emulatorOrigins(
  emulatorUrl: string,
  options: { adminSecret?: string; fetch?: (input: string, init: RequestInit) => Promise<Response> } = {},
): Promise<OriginOf> {
  const base = emulatorUrl.replace(/\/+$/, '');
  const url = options.adminSecret === undefined ? `${base}/_signin/hosts` : `${base}/_admin/hosts`;
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const response = await fetchFn(url, {
    headers: { Accept: 'application/json', ...(options.adminSecret === undefined ? {} : { [EMULATOR_ADMIN_SECRET_HEADER]: options.adminSecret }) },
  });
  const text = await response.text();
  if (!response.ok) throw new SharePointHostUnknownError(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  const hosts = hostsSchema.parse(JSON.parse(text));
  return (hostname) => {
    const origin = hosts[hostname.toLowerCase()];
    if (!origin) throw new SharePointHostUnknownError(`The local emulator serves no SharePoint host "${hostname}" (it serves ${Object.keys(hosts).join(', ') || 'none'}).`);
    return origin;
  };
}
