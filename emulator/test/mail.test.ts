/** Mail routes: conformance with Microsoft's documented examples, and the behaviour Chefsache relies on. */
import { contextFragment, loadFixture, shapeDifferences, startHarness, upn, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

async function likeFixture(res: Response, name: string): Promise<Record<string, unknown>> {
  const fixture = loadFixture(`mail/${name}`);
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, problems: shapeDifferences(body, fixture.body, fixture.exactKeys) }).toEqual({ status: fixture.status, problems: [] });
  return body;
}

const CATEGORY = 'Chefsache ISMS';
/** Sending and category writes are not among the demo token's default scopes (the app does neither through Graph). */
const writer = () => h.token('katrin.berger', ['Mail.Read', 'Mail.Send', 'MailboxSettings.ReadWrite']);
const HEADER = 'x-chefsache-capture';

async function sendFromPhone(extra: Record<string, unknown> = {}) {
  const res = await h.admin('POST', '/mail/sent-from-other-client', {
    user: upn('katrin.berger'),
    subject: 'Sicherheit ist Chefsache',
    body: '<p>Liebe Kolleginnen und Kollegen</p>',
    to: ['alle@mustergmbh.onmicrosoft.com'],
    categories: [CATEGORY],
    ...extra,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; internetMessageId: string; sentDateTime: string };
}

/** The copy of a mail in a recipient's inbox, with a token of that recipient. */
async function inboxCopy(alias: string, subject: string): Promise<{ id: string; token: string }> {
  const token = await h.token(alias);
  const filter = encodeURIComponent(`subject eq '${subject}'`);
  const list = (await (await h.graph(`/me/mailFolders/inbox/messages?$filter=${filter}&$select=subject`, { token })).json()) as { value: { id: string }[] };
  expect(list.value).toHaveLength(1);
  return { id: list.value[0]!.id, token };
}

describe('messages (conformance)', () => {
  it('GET /me/messages/{id} answers the documented default property set', async () => {
    const sent = await sendFromPhone();
    const body = await likeFixture(await h.graph(`/me/messages/${encodeURIComponent(sent.id)}`), 'message-get.json');
    expect(contextFragment(body['@odata.context'])).toMatch(/^users\('[^']+'\)\/messages\/\$entity$/);
    expect(body).toMatchObject({ subject: 'Sicherheit ist Chefsache', categories: [CATEGORY], internetMessageId: sent.internetMessageId, isDraft: false });
  });

  it('$select=internetMessageHeaders on a received copy answers id, etag and the headers, custom x- headers included', async () => {
    const sent = await sendFromPhone({ subject: 'Kopfzeilen', to: [upn('jonas.weber')], headers: { [HEADER]: 'id=0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b; kind=allStaff' } });
    const received = await inboxCopy('jonas.weber', 'Kopfzeilen');
    const body = await likeFixture(await h.graph(`/me/messages/${encodeURIComponent(received.id)}?$select=internetMessageHeaders`, { token: received.token }), 'message-get-headers.json');
    expect(body.internetMessageHeaders).toEqual(expect.arrayContaining([{ name: HEADER, value: 'id=0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b; kind=allStaff' }, { name: 'Message-ID', value: sent.internetMessageId }]));
  });

  it('delta over Sent Items pages with Prefer: odata.maxpagesize and ends with a deltaLink that reports new mail only', async () => {
    const documented = await h.graph('/me/mailFolders/sentitems/messages/delta', { headers: { Prefer: 'odata.maxpagesize=2' } });
    expect(documented.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    await likeFixture(documented, 'message-delta.json');
    let url = '/me/mailFolders/sentitems/messages/delta?$select=subject,sentDateTime,internetMessageId,categories';
    const page = (await (await h.graph(url, { headers: { Prefer: 'odata.maxpagesize=1' } })).json()) as Record<string, unknown>;
    const seen: string[] = [...(page.value as { subject: string }[]).map((m) => m.subject)];
    let next = page['@odata.nextLink'] as string | undefined;
    let deltaLink: string | undefined;
    while (next) {
      expect(next).toContain('$skiptoken=');
      const body = (await (await h.graph(next.replace(/^.*\/v1\.0/, ''), { headers: { Prefer: 'odata.maxpagesize=1' } })).json()) as Record<string, unknown>;
      seen.push(...(body.value as { subject: string }[]).map((m) => m.subject));
      next = body['@odata.nextLink'] as string | undefined;
      deltaLink = body['@odata.deltaLink'] as string | undefined;
    }
    expect(seen).toContain('Termine Vertriebsmeeting Dezember');
    expect(deltaLink).toContain('$deltatoken=');
    url = deltaLink!.replace(/^.*\/v1\.0/, '');
    const empty = (await (await h.graph(url)).json()) as { value: unknown[] };
    expect(empty.value).toEqual([]);
    await sendFromPhone({ subject: 'Neu vom Handy' });
    const changes = (await (await h.graph(url)).json()) as { value: Record<string, unknown>[] };
    expect(changes.value).toHaveLength(1);
    expect(Object.keys(changes.value[0]!).sort()).toEqual(['@odata.etag', 'categories', 'id', 'internetMessageId', 'sentDateTime', 'subject']);
    expect(changes.value[0]).toMatchObject({ subject: 'Neu vom Handy', categories: [CATEGORY] });
  });

  it('a delta token from before a reset answers 410', async () => {
    const body = (await (await h.graph('/me/mailFolders/sentitems/messages/delta')).json()) as Record<string, string>;
    let link = body['@odata.deltaLink'] ?? body['@odata.nextLink'];
    expect(link).toBeDefined();
    await h.admin('POST', '/reset');
    const res = await h.graph(link!.replace(/^.*\/v1\.0/, ''));
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('SyncStateNotFound');
    link = undefined;
  });
});

describe('messages (behaviour)', () => {
  it('filters a folder by category with categories/any(...)', async () => {
    await sendFromPhone({ subject: 'Mit Kategorie' });
    await sendFromPhone({ subject: 'Ohne Kategorie', categories: [] });
    const filter = encodeURIComponent(`categories/any(c:c eq '${CATEGORY}')`);
    const body = (await (await h.graph(`/me/mailFolders/sentitems/messages?$filter=${filter}&$select=subject`)).json()) as { value: { subject: string }[] };
    const subjects = body.value.map((m) => m.subject);
    expect(subjects).toContain('Mit Kategorie');
    expect(subjects).not.toContain('Ohne Kategorie');
  });

  it('sendMail puts a copy in Sent Items and one in every member\'s inbox of an addressed group', async () => {
    const res = await h.graph('/me/sendMail', {
      method: 'POST',
      token: await writer(),
      body: {
        message: {
          subject: 'Unsere Sicherheitsziele 2027',
          body: { contentType: 'HTML', content: '<p>Ziele</p>' },
          toRecipients: [{ emailAddress: { address: 'geschaeftsfuehrung@mustergmbh.onmicrosoft.com' } }],
          internetMessageHeaders: [{ name: 'x-chefsache-capture', value: 'id=1; kind=objectives' }],
        },
      },
    });
    expect(res.status).toBe(202);
    const sent = (await (await h.graph(`/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'Unsere Sicherheitsziele 2027'")}`)).json()) as { value: unknown[] };
    expect(sent.value).toHaveLength(1);
    const thomas = await h.token('thomas.schmidt');
    const inbox = (await (await h.graph('/me/mailFolders/inbox/messages?$select=subject,from', { token: thomas })).json()) as { value: { subject: string }[] };
    expect(inbox.value.map((m) => m.subject)).toContain('Unsere Sicherheitsziele 2027');
  });

  it('refuses a custom header that does not start with x- and a mail without recipients', async () => {
    const token = await writer();
    const bad = await h.graph('/me/sendMail', { method: 'POST', token, body: { message: { subject: 's', toRecipients: [{ emailAddress: { address: upn('anna.mueller') } }], internetMessageHeaders: [{ name: 'Capture', value: '1' }] } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('InvalidInternetMessageHeader');
    const none = await h.graph('/me/sendMail', { method: 'POST', token, body: { message: { subject: 's' } } });
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('ErrorInvalidRecipients');
  });

  // OfficeDev/office-js#5413 "Message internetHeaders are not available in message when it is in the
  // sent items folder" (https://github.com/OfficeDev/office-js/issues/5413): a header set on send is on
  // the received copy and in the MIME of both copies, but the Sent Items copy's internetMessageHeaders
  // do not exist (microsoftgraph/microsoft-graph-docs#2716 "No internetMessageHeaders in sent messages",
  // https://github.com/microsoftgraph/microsoft-graph-docs/issues/2716). The MIME: "Get MIME content of
  // a message", https://learn.microsoft.com/graph/outlook-get-mime-message.
  it('the Sent Items copy has no internetMessageHeaders; the header sent is in its MIME and on the received copy', async () => {
    const value = 'id=5d1e7c2b-3a4f-4b6c-8d9e-0f1a2b3c4d5e; kind=objectives';
    const res = await h.graph('/me/sendMail', {
      method: 'POST',
      token: await writer(),
      body: { message: { subject: 'Ziele mit Kopfzeile', body: { contentType: 'HTML', content: '<p>Ziele</p>' }, toRecipients: [{ emailAddress: { address: upn('thomas.schmidt') } }], internetMessageHeaders: [{ name: HEADER, value }] } },
    });
    expect(res.status).toBe(202);
    const filter = encodeURIComponent("subject eq 'Ziele mit Kopfzeile'");
    const listed = (await (await h.graph(`/me/mailFolders/sentitems/messages?$filter=${filter}&$select=subject,internetMessageHeaders`)).json()) as { value: Record<string, unknown>[] };
    expect(listed.value).toHaveLength(1);
    expect(listed.value[0]).not.toHaveProperty('internetMessageHeaders');
    const id = encodeURIComponent(listed.value[0]!.id as string);
    const single = (await (await h.graph(`/me/messages/${id}?$select=subject,internetMessageHeaders`)).json()) as Record<string, unknown>;
    expect(single).toMatchObject({ subject: 'Ziele mit Kopfzeile' });
    expect(single).not.toHaveProperty('internetMessageHeaders');
    expect(await (await h.graph(`/me/messages/${id}/$value`)).text()).toContain(`${HEADER}: ${value}\r\n`);
    const received = await inboxCopy('thomas.schmidt', 'Ziele mit Kopfzeile');
    const theirs = (await (await h.graph(`/me/messages/${encodeURIComponent(received.id)}?$select=internetMessageHeaders`, { token: received.token })).json()) as { internetMessageHeaders: unknown[] };
    expect(theirs.internetMessageHeaders).toContainEqual({ name: HEADER, value });
  });

  it('GET $value answers the MIME text with the custom header', async () => {
    const sent = await sendFromPhone({ subject: 'Grüße', headers: { [HEADER]: 'id=x; kind=other' } });
    const res = await h.graph(`/me/messages/${encodeURIComponent(sent.id)}/$value`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const mime = await res.text();
    expect(mime).toContain(`Message-ID: ${sent.internetMessageId}`);
    expect(mime).toContain(`${HEADER}: id=x; kind=other`);
    expect(mime).toContain('Subject: =?utf-8?B?');
  });

  it('without Mail.Read (Mail.ReadBasic) leaves out the body; without any mail scope answers 403', async () => {
    const sent = await sendFromPhone();
    const basic = await h.token('katrin.berger', ['Mail.ReadBasic']);
    const body = (await (await h.graph(`/me/messages/${encodeURIComponent(sent.id)}`, { token: basic })).json()) as { body: { content: string } };
    expect(body.body.content).toBe('');
    const none = await h.token('katrin.berger', ['User.Read']);
    const res = await h.graph('/me/messages', { token: none });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');
  });
});

describe('master categories', () => {
  it('lists and creates categories like the documented examples; a duplicate name is a 409', async () => {
    const token = await writer();
    const post = await h.graph('/me/outlook/masterCategories', { method: 'POST', token, body: { displayName: CATEGORY, color: 'preset4' } });
    await likeFixture(post, 'mastercategories-post.json');
    const list = await likeFixture(await h.graph('/me/outlook/masterCategories', { token }), 'mastercategories-list.json');
    expect(list.value).toEqual([expect.objectContaining({ displayName: CATEGORY, color: 'preset4' })]);
    const again = await h.graph('/me/outlook/masterCategories', { method: 'POST', token, body: { displayName: CATEGORY.toUpperCase(), color: 'preset1' } });
    expect(again.status).toBe(409);
  });
});
