/**
 * Admin action "mail sent from another client": a mail the user sent from a phone or Outlook on
 * the web (where an add-in does not run), e.g. with a category set by hand.
 *   POST /_admin/mail/sent-from-other-client
 *   { user: upn|id, subject, body?: html, to: (address | { name, address })[], cc?, bcc?,
 *     categories?: string[], headers?: { "x-...": value }, sentDateTime?: ISO }
 *   → 201 { id, internetMessageId, sentDateTime }  (the Sent Items copy's id)
 */
import { GraphError } from '../../http/graphError';
import { created } from '../../http/response';
import type { PlainRoute } from '../../module';
import { findUser } from '../identity/directory';
import { deliver, outgoingFromJson } from './delivery';

function recipient(value: unknown): unknown {
  if (typeof value === 'string') return { emailAddress: { address: value } };
  const r = value as { name?: unknown; address?: unknown };
  return { emailAddress: { address: r?.address, name: r?.name } };
}

export const sentFromOtherClient: PlainRoute = {
  method: 'POST',
  path: '/mail/sent-from-other-client',
  handler: (ctx) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const user = typeof body.user === 'string' ? findUser(ctx.store, body.user) : undefined;
    if (!user?.id) throw new GraphError(400, 'BadRequest', `Unknown user "${String(body.user)}".`);
    const sentAt = typeof body.sentDateTime === 'string' ? new Date(body.sentDateTime) : ctx.now;
    if (Number.isNaN(sentAt.getTime())) throw new GraphError(400, 'BadRequest', `sentDateTime "${String(body.sentDateTime)}" is not a date.`);
    const headers = Object.entries((body.headers ?? {}) as Record<string, unknown>).map(([name, value]) => ({ name, value }));
    const list = (value: unknown) => (Array.isArray(value) ? value.map(recipient) : []);
    const mail = outgoingFromJson({
      subject: body.subject,
      body: { contentType: 'html', content: typeof body.body === 'string' ? body.body : '' },
      toRecipients: list(body.to),
      ccRecipients: list(body.cc),
      bccRecipients: list(body.bcc),
      categories: body.categories,
      internetMessageHeaders: headers,
    });
    return created(deliver(ctx.store, user.id, mail, { now: sentAt, saveToSentItems: true, domain: ctx.tenant.domain }));
  },
};
