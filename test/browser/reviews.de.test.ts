/**
 * Management reviews in the Teams tab (de-DE): the ISB books the quarterly series, an occurrence
 * takes place (admin API), attendance and transcript are captured when the tab opens, the ISB
 * writes minutes with an action item, cannot sign; the CEO signs; the PDF is in the library with a
 * matching hash; the next review's agenda lists the open action.
 */
import { sha256Hex } from '../../src/domain';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';

jest.setTimeout(180_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

const firstDate = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);

async function graphAs(alias: string, path: string): Promise<Record<string, unknown>> {
  const token = await emulator.token(alias);
  const res = await fetch(`${emulator.graphUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function openReviewsAs(name: RegExp): Promise<void> {
  const { page } = browser;
  await page.goto(pageUrl('/teams/?view=reviews', emulator.url));
  await pickDemoUser(page, 'Demo-Benutzer', name);
  await visible(page.getByRole('heading', { name: 'Managementbewertung', level: 1 }));
}

describe('management review, de-DE', () => {
  let held = '';

  it('lets the ISB book the quarterly series with required attendees', async () => {
    const { page } = browser;
    await openReviewsAs(/Jonas Weber/);
    const form = await visible(page.getByRole('form', { name: 'Quartals-Review buchen' }));
    await visible(form.getByText('Katrin Berger – erforderlich (Geschäftsführung / ISB)'));
    await form.getByLabel('Erster Termin').fill(firstDate);
    await form.getByLabel('Uhrzeit').fill('10:00');
    await form.getByLabel('Dauer (Minuten)').fill('90');
    await visible(form.getByText(/Regel: Alle 3 Monate am (ersten|zweiten|dritten|vierten|letzten) \w+, 10:00 Uhr \(Europe\/Berlin\)/));
    await saveScreenshot(page, 'reviews-booking-form-de');
    await form.getByRole('button', { name: 'Serie buchen' }).click();

    const card = await visible(page.getByRole('group', { name: 'Gebuchte Serie' }).or(page.getByLabel('Gebuchte Serie')).first());
    await visible(card.getByText('Organisiert von Jonas Weber'));
    expect(await card.getByRole('list', { name: 'Nächste Reviews' }).getByRole('listitem').count()).toBe(4);
    await visible(card.getByRole('button', { name: 'Verschieben' }));
    await visible(card.getByRole('button', { name: 'Serie absagen' }));

    // Booking again is not offered: one series in the calendar.
    const events = (await graphAs('jonas.weber', '/me/events')).value as { id: string; type: string }[];
    expect(events.filter((e) => e.type === 'seriesMaster')).toHaveLength(1);
    const instances = (await graphAs('jonas.weber', `/me/events/${events[0]!.id}/instances?startDateTime=${firstDate}T00:00:00Z&endDateTime=${new Date().toISOString()}`)).value as { start: { dateTime: string } }[];
    held = new Date(`${instances[0]!.start.dateTime.slice(0, 19)}Z`).toISOString();
    await emulator.admin('POST', '/meetings/occurrence-held', {
      eventId: events[0]!.id,
      occurrenceStart: held,
      attendees: [
        { user: 'jonas.weber', minutes: 90 },
        { user: 'katrin.berger', minutes: 85 },
        { user: 'thomas.schmidt', minutes: 40, joinAfterMinutes: 30 },
      ],
      transcript: [
        { speaker: 'Jonas Weber', text: 'Die Phishing-Quote ist auf 3 % gesunken.' },
        { speaker: 'Katrin Berger', text: 'Wir beschließen einen Notfalltest im Juni.' },
      ],
    });
  });

  it('captures attendance and transcript when the tab opens and takes minutes with an action item', async () => {
    const { page } = browser;
    await page.reload();
    const past = await visible(page.getByRole('list', { name: 'Vergangene Reviews' }));
    await visible(past.getByText('als Nachweis erfasst').first());
    expect(await past.getByText('als Nachweis erfasst').count()).toBe(2);
    await visible(past.getByText('Katrin Berger: 85 Min.'));
    await visible(past.getByText('kein Transkript aufgezeichnet').first());

    await past.getByRole('button', { name: /^Protokoll vom/ }).last().click();
    const editor = await visible(page.getByRole('group', { name: /^Protokoll des Reviews vom/ }).or(page.getByLabel(/^Protokoll des Reviews vom/)).first());
    await visible(editor.getByRole('list', { name: 'Teilnehmende' }).getByText('Katrin Berger (85 min)'));
    await editor.getByLabel(/^d\) Rückmeldungen zur Informationssicherheitsleistung/).fill('Phishing-Quote deutlich gesunken.');
    await editor.getByRole('button', { name: 'Transkript anzeigen' }).click();
    await visible(editor.getByText(/Katrin Berger: Wir beschließen einen Notfalltest im Juni\./));
    await editor.getByRole('button', { name: 'Entscheidung hinzufügen' }).click();
    await editor.getByLabel('Entscheidung 1').fill('Notfalltest im Juni durchführen');
    await editor.getByLabel('Anhängen an (2)').selectOption({ label: 'Entscheidung 1: Notfalltest im Juni durchführen' });
    await editor.getByRole('button', { name: 'Anhängen (2)' }).click();
    await editor.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await editor.getByLabel('Aufgabe 1').fill('Notfallplan testen');
    await editor.getByLabel('Verantwortlich 1').selectOption({ label: 'Thomas Schmidt' });
    await editor.getByRole('button', { name: 'Protokoll speichern' }).click();
    await visible(editor.getByText('Protokoll gespeichert.'));

    // The ISB cannot sign.
    await visible(editor.getByText('Nur die Geschäftsführung kann das Protokoll unterschreiben.'));
    expect(await editor.getByRole('button', { name: 'Als Geschäftsführung unterschreiben' }).isDisabled()).toBe(true);
    await visible(page.getByRole('list', { name: 'Offene Aufgaben' }).getByText(/Notfallplan testen – Thomas Schmidt/));
  });

  it('lets the CEO sign; the PDF is in the library with a matching hash', async () => {
    const { page } = browser;
    await openReviewsAs(/Katrin Berger/);
    const past = await visible(page.getByRole('list', { name: 'Vergangene Reviews' }));
    // The CEO is not the organizer: the states come from the evidence on file.
    await visible(past.getByText('als Nachweis erfasst').first());
    expect(await past.getByText('als Nachweis erfasst').count()).toBe(2);
    await past.getByRole('button', { name: /^Protokoll vom/ }).last().click();
    const editor = await visible(page.getByLabel(/^Protokoll des Reviews vom/).first());
    expect(await (await visible(editor.getByLabel('Entscheidung 1'))).inputValue()).toBe('Notfalltest im Juni durchführen');
    await visible(editor.getByText('Aus dem Transkript: „Katrin Berger: Wir beschließen einen Notfalltest im Juni.“'));
    await editor.getByRole('button', { name: 'Als Geschäftsführung unterschreiben' }).click();
    await visible(editor.getByText(/^Unterschrieben von Katrin Berger am/));
    await visible(editor.getByRole('link', { name: 'Unterschriebenes PDF öffnen' }));
    await saveScreenshot(page, 'reviews-signed-minutes-de');

    const store = storeAs(emulator, 'katrin');
    const minutes = (await store.query({ types: ['reviewMinutes'] })).items;
    expect(minutes).toHaveLength(1);
    const pdf = await store.content(minutes[0]!);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(minutes[0]!.contentSha256).toBe(await sha256Hex(pdf));
    expect(minutes[0]!.signedBy?.displayName).toBe('Katrin Berger');
  });

  it("lists the open action on the next review's agenda", async () => {
    const { page } = browser;
    await page.getByText('Tagesordnung des nächsten Reviews').click();
    await visible(page.getByLabel('Tagesordnung des nächsten Reviews').getByText(/Notfallplan testen \(verantwortlich: Thomas Schmidt/));
    // The organizer's tab rewrites the invitation with the open action under input a).
    await openReviewsAs(/Jonas Weber/);
    await visible(page.getByRole('group', { name: 'Gebuchte Serie' }).or(page.getByLabel('Gebuchte Serie')).first());
    const deadline = Date.now() + 20_000;
    let body = '';
    while (Date.now() < deadline) {
      const events = (await graphAs('jonas.weber', '/me/events')).value as { body: { content: string } }[];
      body = events[0]!.body.content;
      if (body.includes('Notfallplan testen')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(body).toContain('Notfallplan testen (verantwortlich: Thomas Schmidt');
    expect(pageErrors).toEqual([]);
  });

  it('lets the organizer move and then cancel the series', async () => {
    const { page } = browser;
    const card = page.getByLabel('Gebuchte Serie').first();
    await (await visible(card.getByRole('button', { name: 'Verschieben' }))).click();
    const form = await visible(page.getByRole('form', { name: 'Serie verschieben' }));
    await form.getByLabel('Uhrzeit').fill('14:00');
    await form.getByRole('button', { name: 'Serie verschieben' }).click();
    await visible(page.getByLabel('Gebuchte Serie').first().getByText(/14:00 Uhr \(Europe\/Berlin\), 90 Minuten/));

    await page.getByLabel('Gebuchte Serie').first().getByRole('button', { name: 'Serie absagen' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Serie absagen?' }));
    await dialog.getByLabel('Nachricht an die Teilnehmenden').fill('Wir planen neu.');
    await dialog.getByRole('button', { name: 'Serie absagen' }).click();
    await visible(page.getByRole('form', { name: 'Quartals-Review buchen' }));
    const events = (await graphAs('jonas.weber', '/me/events')).value as unknown[];
    expect(events).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
