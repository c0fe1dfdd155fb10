/**
 * The signed-in user's mail, read only (Mail.Read: bodies, internet headers, MIME). Nothing is
 * written through Graph: Outlook sends, and the add-in sets categories through Office.js with the
 * manifest's mailbox permission, so Mail.ReadWrite, MailboxSettings.ReadWrite and Mail.Send are not asked for.
 * Returns Chefsache's MailMessage model; Graph's message type stays here.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { headerBlockRead, parseMimeHeaders } from './mimeHeaders';
import { graphShape } from './shared';

export interface MailAddressModel {
  name: string;
  address: string;
}

export interface MailMessage {
  id: string;
  subject: string;
  internetMessageId?: string;
  sentDateTime?: string;
  categories: string[];
  from?: MailAddressModel;
  toRecipients: MailAddressModel[];
  ccRecipients: MailAddressModel[];
  bccRecipients: MailAddressModel[];
  /** Present when read with `get`. */
  body?: { contentType: 'html' | 'text'; content: string };
}

export interface MailDeltaRound {
  messages: MailMessage[];
  removedIds: string[];
  deltaLink: string;
}

const recipientSchema = graphShape<MicrosoftGraph.Recipient>()(
  z.object({ emailAddress: z.object({ name: z.string().nullish(), address: z.string().nullish() }).nullish() }),
);

const messageSchema = graphShape<MicrosoftGraph.Message>()(
  z.object({
    id: z.string(),
    subject: z.string().nullish(),
    internetMessageId: z.string().nullish(),
    sentDateTime: z.string().nullish(),
    categories: z.array(z.string()).nullish(),
    from: recipientSchema.nullish(),
    toRecipients: z.array(recipientSchema).nullish(),
    ccRecipients: z.array(recipientSchema).nullish(),
    bccRecipients: z.array(recipientSchema).nullish(),
    body: z.object({ contentType: z.enum(['text', 'html']).nullish(), content: z.string().nullish() }).nullish(),
  }),
);

/** A delta entry: a message, or `{ id, "@removed" }`. */
const deltaEntrySchema = z.union([
  z.looseObject({ id: z.string(), '@removed': z.object({ reason: z.string().optional() }) }),
  messageSchema,
]);

function address(r: z.output<typeof recipientSchema> | null | undefined): MailAddressModel | undefined {
  const a = r?.emailAddress;
  if (!a?.address) return undefined;
  return { name: a.name ?? a.address, address: a.address };
}

function addresses(list: readonly z.output<typeof recipientSchema>[] | null | undefined): MailAddressModel[] {
  return (list ?? []).map(address).filter((a): a is MailAddressModel => a !== undefined);
}

function toMessage(m: z.output<typeof messageSchema>): MailMessage {
  const out: MailMessage = {
    id: m.id,
    subject: m.subject ?? '',
    categories: m.categories ?? [],
    toRecipients: addresses(m.toRecipients),
    ccRecipients: addresses(m.ccRecipients),
    bccRecipients: addresses(m.bccRecipients),
  };
  if (m.internetMessageId) out.internetMessageId = m.internetMessageId;
  if (m.sentDateTime) out.sentDateTime = m.sentDateTime;
  const from = address(m.from);
  if (from) out.from = from;
  if (m.body) out.body = { contentType: m.body.contentType === 'html' ? 'html' : 'text', content: m.body.content ?? '' };
  return out;
}

const LIST_SELECT = 'id,subject,internetMessageId,sentDateTime,categories,from,toRecipients,ccRecipients,bccRecipients';
/** OData string literal: single quotes doubled. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface MailGateway {
  /** Sends a plain-text mail as the signed-in user (`POST /me/sendMail`, Mail.Send; Graph answers 202). */
  send(message: { subject: string; body: string; to: readonly string[] }): Promise<void>;
  /** One complete delta round over a folder (well-known name or id); without a link: a full sync. */
  folderDelta(folder: string, deltaLink?: string): Promise<MailDeltaRound>;
  /** Messages of a folder carrying a category (`$filter=categories/any(...)`), newest first. */
  byCategory(folder: string, category: string, top?: number): Promise<MailMessage[]>;
  /** One message with body. */
  get(id: string): Promise<MailMessage>;
  /** The MIME text (`$value`). */
  mime(id: string): Promise<Uint8Array>;
  /**
   * The MIME header block (`$value`, read only up to the empty line), by lower-case name. The way to
   * a Sent Items copy's custom x- headers: Graph gives that copy no `internetMessageHeaders`.
   */
  mimeHeaders(id: string): Promise<Record<string, string>>;
}

export function createMailGateway(pipeline: GraphPipeline): MailGateway {
  return {
    send: async ({ subject, body, to }) => {
      await pipeline.send({
        method: 'POST',
        url: '/me/sendMail',
        scopes: FEATURE_SCOPES.announce,
        body: { json: { message: { subject, body: { contentType: 'text', content: body }, toRecipients: to.map((address) => ({ emailAddress: { address } })) }, saveToSentItems: true } },
      });
    },
    folderDelta: async (folder, deltaLink) => {
      const request = deltaLink
        ? { method: 'GET' as const, url: deltaLink, scopes: FEATURE_SCOPES.mail, headers: { Prefer: 'odata.maxpagesize=50' } }
        : {
            method: 'GET' as const,
            url: `/me/mailFolders/${segment(folder)}/messages/delta`,
            query: { $select: LIST_SELECT },
            headers: { Prefer: 'odata.maxpagesize=50' },
            scopes: FEATURE_SCOPES.mail,
          };
      const latest = new Map<string, MailMessage | null>();
      let link: string | undefined;
      for await (const page of pipeline.pages(request, deltaEntrySchema)) {
        for (const entry of page.items) {
          latest.delete(entry.id);
          latest.set(entry.id, '@removed' in entry ? null : toMessage(entry as z.output<typeof messageSchema>));
        }
        if (page.deltaLink) link = page.deltaLink;
      }
      if (!link) throw new Error(`Microsoft Graph ended the delta round over "${folder}" without a deltaLink.`);
      const messages = [...latest.values()].filter((m): m is MailMessage => m !== null);
      const removedIds = [...latest.entries()].filter(([, m]) => m === null).map(([id]) => id);
      return { messages, removedIds, deltaLink: link };
    },

    byCategory: async (folder, category, top = 50) =>
      (
        await pipeline.all(
          {
            method: 'GET',
            url: `/me/mailFolders/${segment(folder)}/messages`,
            query: { $filter: `categories/any(c:c eq ${literal(category)})`, $select: LIST_SELECT, $top: top },
            scopes: FEATURE_SCOPES.mail,
          },
          messageSchema,
        )
      ).map(toMessage),

    get: async (id) =>
      toMessage(
        await pipeline.json(
          { method: 'GET', url: `/me/messages/${segment(id)}`, query: { $select: `${LIST_SELECT},body` }, scopes: FEATURE_SCOPES.mail },
          messageSchema,
        ),
      ),

    mime: async (id) => (await pipeline.send({ method: 'GET', url: `/me/messages/${segment(id)}/$value`, scopes: FEATURE_SCOPES.mail })).body,

    mimeHeaders: async (id) =>
      parseMimeHeaders((await pipeline.send({ method: 'GET', url: `/me/messages/${segment(id)}/$value`, scopes: FEATURE_SCOPES.mail, readUntil: headerBlockRead })).body),
  };
}
