/**
 * What Outlook does after the on-send handler allowed a message: it submits the item as it stands
 * (recipients, subject, HTML body, categories, the add-in's x- internet headers) from the sender's
 * mailbox. The development page does that through the emulator with Graph `POST /me/sendMail`
 * as the signed-in demo user (a token with Mail.Send, which the add-in itself never asks for):
 * the sender's copy lands in Sent Items with its categories, the recipients' copies in their
 * inboxes, and the headers in the MIME. Development only.
 */
import { z } from 'zod';
import { createEmulatorTokenProvider } from '../auth/emulatorTokenProvider';
import type { DraftState } from './composeDraft';
import { splitAddresses } from './composeDraft';

export interface SendTarget {
  /** The emulator's origin. */
  emulatorUrl: string;
  /** The sender's userPrincipalName (the demo user signed in on the page). */
  sender: string;
}

const graphErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class DevSendError extends Error {
  override readonly name = 'DevSendError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Graph's sendMail body for the draft. */
export function sendMailBody(draft: DraftState): unknown {
  const recipients = (text: string) => splitAddresses(text).map((address) => ({ emailAddress: { address } }));
  return {
    message: {
      subject: draft.subject,
      body: { contentType: 'html', content: draft.bodyHtml },
      toRecipients: recipients(draft.to),
      ccRecipients: recipients(draft.cc),
      categories: draft.categories,
      internetMessageHeaders: Object.entries(draft.headers).map(([name, value]) => ({ name, value })),
    },
    saveToSentItems: true,
  };
}

export async function sendAsOutlook(draft: DraftState, target: SendTarget, fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<void> {
  const tokens = createEmulatorTokenProvider({ emulatorUrl: target.emulatorUrl, user: target.sender, fetch: fetchFn });
  const token = await tokens.getToken(['Mail.Send']);
  const response = await fetchFn(`${target.emulatorUrl.replace(/\/+$/, '')}/v1.0/me/sendMail`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(sendMailBody(draft)),
  });
  if (response.status === 202) return;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = graphErrorSchema.safeParse(parsed);
  throw new DevSendError(error.success ? `${error.data.error.code}: ${error.data.error.message}` : `HTTP ${response.status}`, response.status);
}
