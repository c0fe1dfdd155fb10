import { z } from 'zod';
import type { Page } from '../models';
import { fetchHeader } from './errorFactory';
import { GraphResponseValidationError } from './errors';
import { type GraphRequest, type RawResponse, responseText } from './types';
import { validateJsonText } from './validate';

/** A Graph collection page: `value` plus the OData paging annotations. */
export function collectionSchema<S extends z.ZodType>(item: S) {
  return z.looseObject({
    value: z.array(item),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
    '@odata.count': z.number().optional(),
  });
}

/**
 * Follows `@odata.nextLink` until Graph stops giving one. The last page of a delta query carries
 * `deltaLink`. Follow-up requests keep the first request's headers and scopes (e.g. ConsistencyLevel,
 * Prefer) but not its query: the next link already holds it.
 */
export async function* followPages<S extends z.ZodType>(
  send: (request: GraphRequest) => Promise<RawResponse>,
  first: GraphRequest,
  itemSchema: S,
): AsyncGenerator<Page<z.output<S>>, void, undefined> {
  const schema = collectionSchema(itemSchema);
  const seen = new Set<string>();
  let request: GraphRequest = first;
  for (;;) {
    const response = await send(request);
    const header = fetchHeader(response.headers);
    const context = {
      method: request.method,
      url: response.url,
      status: response.status,
      requestId: header('request-id'),
      clientRequestId: header('client-request-id'),
      date: header('date'),
    };
    const page = validateJsonText(schema, responseText(response), context);
    const nextLink = page['@odata.nextLink'];
    yield {
      items: page.value,
      nextLink,
      deltaLink: page['@odata.deltaLink'],
      count: page['@odata.count'],
    };
    if (!nextLink) return;
    if (seen.has(nextLink)) {
      throw new GraphResponseValidationError({
        ...context,
        code: 'invalidResponse',
        message: `Microsoft Graph handed out the same @odata.nextLink twice; stopped paging to avoid a loop: ${nextLink}`,
        issues: ['@odata.nextLink: repeats an earlier page'],
      });
    }
    seen.add(nextLink);
    request = { method: 'GET', url: nextLink, headers: first.headers, scopes: first.scopes, signal: first.signal };
  }
}
