/**
 * The ISB evidence panel in Chromium against the emulator: review as ISB (accept, reject with a
 * required comment), a conflict between two reviewers, the auditor who changes nothing, staff who
 * see nothing. Screenshots of the panel in light and dark theme (German).
 */
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/chromium';
import { captureAll, ceoMail, DEMO, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(180_000);

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];

beforeAll(async () => {
  emulator = await startAppEmulator();
  await captureAll(storeAs(emulator, 'katrin'), [
    ceoMail('kickoff', 'Kick-off Informationssicherheit', '<p>Liebe Kolleginnen und Kollegen, <b>Sicherheit ist Chefsache</b>.</p>'),
    ceoMail('phishing', 'Achtung Phishing-Welle', '<p>Bitte keine Anhänge öffnen.</p>'),
    ceoMail('passwort', 'Neue Passwortregeln', '<p>Ab Montag gelten neue Regeln.</p>'),
  ]);
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

async function openPanelAs(page: Page, name: RegExp) {
  await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
  await pickDemoUser(page, 'Demo-Benutzer', name);
}

async function openItem(page: Page, title: string) {
  await (await visible(page.getByRole('table', { name: 'Nachweisliste' }).getByRole('button', { name: title }))).click();
  const detail = page.getByRole('region', { name: 'Details zum Nachweis' });
  await visible(detail.getByRole('heading', { name: title }));
  return detail;
}

async function itemByTitle(title: string) {
  const items = await storeAs(emulator, 'katrin').sync();
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`No item "${title}"`);
  return item;
}

describe('evidence panel as ISB', () => {
  it('lists the evidence, shows the mail and its chain of custody, and accepts', async () => {
    const { page } = browser;
    await openPanelAs(page, /Jonas Weber/);
    const grid = await visible(page.getByRole('table', { name: 'Nachweisliste' }));
    for (const column of ['Titel', 'Art', 'Datum', 'Prüfstatus', 'Quelle']) await visible(grid.getByRole('columnheader', { name: column }));
    expect(await grid.getByRole('row').count()).toBe(4);
    await visible(page.getByText('3 von 3 Nachweisen'));

    const detail = await openItem(page, 'Kick-off Informationssicherheit');
    await visible(detail.getByRole('document', { name: 'Inhalt der E-Mail' }).getByText('Sicherheit ist Chefsache'));
    const stored = await itemByTitle('Kick-off Informationssicherheit');
    await visible(detail.getByText(stored.contentSha256!));
    await visible(detail.getByText(/^mail:<kickoff@mustergmbh/));
    await saveScreenshot(page, 'panel-light-de');

    await detail.getByRole('button', { name: 'Annehmen' }).click();
    await visible(detail.getByText('Ihre Entscheidung ist gespeichert.'));
    await visible(detail.getByText(/angenommen von Jonas Weber/));
    const accepted = await itemByTitle('Kick-off Informationssicherheit');
    expect(accepted).toMatchObject({ reviewStatus: 'accepted', reviewer: { displayName: 'Jonas Weber' } });
  });

  it('rejects only with a comment', async () => {
    const { page } = browser;
    const detail = await openItem(page, 'Achtung Phishing-Welle');
    await detail.getByRole('button', { name: 'Ablehnen' }).click();
    await visible(detail.getByText('Bitte begründen, warum der Nachweis abgelehnt wird.'));
    expect((await itemByTitle('Achtung Phishing-Welle')).reviewStatus).toBe('pending');
    await detail.getByRole('textbox', { name: /Kommentar/ }).fill('Nur eine Warnung, kein Bekenntnis der Leitung');
    await detail.getByRole('button', { name: 'Ablehnen' }).click();
    await visible(detail.getByText('Ihre Entscheidung ist gespeichert.'));
    expect(await itemByTitle('Achtung Phishing-Welle')).toMatchObject({ reviewStatus: 'rejected', reviewComment: 'Nur eine Warnung, kein Bekenntnis der Leitung' });
  });

  it('shows a concurrent review by someone else as a conflict with both versions, losing neither', async () => {
    const { page } = browser;
    const detail = await openItem(page, 'Neue Passwortregeln');
    // Thomas Schmidt (top management) accepts the same item in his own session meanwhile.
    const thomas = storeAs(emulator, 'thomas');
    const current = (await thomas.sync()).find((i) => i.title === 'Neue Passwortregeln')!;
    await thomas.review(current.id, current.etag, { status: 'accepted', comment: 'Passt so' }, DEMO.thomas);

    await detail.getByRole('textbox', { name: /Kommentar/ }).fill('Zu technisch');
    await detail.getByRole('button', { name: 'Ablehnen' }).click();
    const alert = await visible(detail.getByRole('alert'));
    await visible(alert.getByText('Jemand anderes hat diesen Nachweis inzwischen geändert'));
    await visible(alert.getByRole('region', { name: 'Ihre Entscheidung' }).getByText('Abgelehnt – „Zu technisch“'));
    const theirs = alert.getByRole('region', { name: 'Aktueller Stand' });
    await visible(theirs.getByText('Angenommen – „Passt so“'));
    await visible(theirs.getByText(/^von Thomas Schmidt am/));
    await saveScreenshot(page, 'panel-conflict-de');
    expect(await itemByTitle('Neue Passwortregeln')).toMatchObject({ reviewStatus: 'accepted', reviewer: { displayName: 'Thomas Schmidt' } });

    await alert.getByRole('button', { name: 'Aktuellen Stand übernehmen' }).click();
    expect(await detail.getByRole('alert').count()).toBe(0);
    await visible(detail.getByText(/angenommen von Thomas Schmidt/));
  });

  it('looks right in the dark theme', async () => {
    const { page } = browser;
    await page.getByRole('switch', { name: 'Dunkles Design' }).click();
    await visible(page.getByRole('switch', { name: 'Dunkles Design', checked: true }));
    await saveScreenshot(page, 'panel-dark-de');
    await page.getByRole('switch', { name: 'Dunkles Design' }).click();
  });
});

describe('evidence panel for other roles', () => {
  it('lets the auditor read everything and change nothing', async () => {
    const { page } = browser;
    await openPanelAs(page, /Petra Prüfer/);
    await visible(page.getByText('Sie sehen alle Nachweise als Auditor/in. Ändern können Sie nichts.'));
    await visible(page.getByText('3 von 3 Nachweisen'));
    expect(await page.getByRole('button', { name: 'Dokument hochladen' }).count()).toBe(0);
    const detail = await openItem(page, 'Achtung Phishing-Welle');
    await visible(detail.getByText(/abgelehnt von Jonas Weber/));
    expect(await detail.getByRole('button', { name: 'Annehmen' }).count()).toBe(0);
    expect(await detail.getByRole('button', { name: 'Ablehnen' }).count()).toBe(0);
    expect(await detail.getByRole('textbox').count()).toBe(0);
  });

  it('shows other staff no evidence', async () => {
    const { page } = browser;
    await openPanelAs(page, /Anna Müller/);
    await visible(page.getByText(/Diese Ansicht sehen nur die Geschäftsführung/));
    expect(await page.getByRole('table', { name: 'Nachweisliste' }).count()).toBe(0);
  });

  it('ran without uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('evidence SharePoint changed when storing it', () => {
  it('shows the hash of the stored file and the hash as sent, and says why they differ', async () => {
    // SharePoint writes document properties into HTML, PDF and Office files it stores (property promotion).
    await emulator.admin('PUT', '/drive/property-promotion', { enabled: true });
    const snapshot = new TextEncoder().encode('<html><head><title>Awareness</title></head><body><p>Awareness-Tag am Freitag</p></body></html>');
    const [item] = await captureAll(storeAs(emulator, 'katrin'), [
      { ...ceoMail('awareness', 'Einladung Awareness-Tag', ''), content: { fileName: 'awareness.html', contentType: 'text/html', bytes: snapshot } },
    ]);
    await emulator.admin('PUT', '/drive/property-promotion', { enabled: false });
    expect(item!.contentSentSha256).not.toBe(item!.contentSha256);

    const { page } = browser;
    await openPanelAs(page, /Jonas Weber/);
    const detail = await openItem(page, 'Einladung Awareness-Tag');
    await visible(detail.getByText(item!.contentSha256!));
    await visible(detail.getByText(item!.contentSentSha256!));
    await visible(detail.getByText(/SharePoint hat beim Speichern Dokumenteigenschaften in die Datei geschrieben/));
    expect(pageErrors).toEqual([]);
  });
});
