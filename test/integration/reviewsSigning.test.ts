/**
 * Signing minutes when the last step fails (issue 12): a change saved while signing (412), a network
 * error on the final save after the PDF was uploaded, and signing again. The linked PDF always shows
 * the content that was signed: never an older PDF of the same version.
 */
import { unzlibSync } from 'fflate';
import { sha256Hex } from '../../src/domain';
import type { EvidenceStore } from '../../src/features/evidence/evidenceStore';
import { canonicalContent, type Minutes } from '../../src/features/reviews/minutes';
import { createReviewsService, type ReviewsService } from '../../src/features/reviews/reviewsService';
import type { Stored } from '../../src/features/reviews/reviewRecords';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { browser, gatewaysFor, ISMS_SITE_URL, JONAS, KATRIN } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS, upn } from './graphHarness';
import type { PersonRef } from '../../src/domain';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
  await emulator.reset();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
afterEach(async () => {
  await emulator.clearFaults();
});

function session(user: string, person: PersonRef, wrap: (store: EvidenceStore) => EvidenceStore = (s) => s) {
  const graph = gatewaysFor(emulator, user);
  const evidence = browser(emulator).store(user, person);
  const service = createReviewsService({ graph, evidence: wrap(evidence), siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  return { service, evidence, graph };
}

/** The page content streams, inflated, as Latin-1 text (pdf-lib writes shown text as hex). */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => {
      try {
        return Buffer.from(unzlibSync(new Uint8Array(Buffer.from(m[1]!, 'latin1')))).toString('latin1');
      } catch {
        return m[1]!;
      }
    })
    .join('\n');
}
const shown = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

const katrinParticipant = { displayName: 'Katrin Berger', upn: upn('katrin.berger'), topManagement: true };
const budget = (amount: string) => ({ a: '', b: '', c: '', d: '', e: '', f: '', g: `Budget Informationssicherheit ${amount} EUR` });

/** Minutes for an occurrence, saved by the ISB. */
async function draft(service: ReviewsService, start: string, amount: string): Promise<Stored<Minutes>> {
  return service.saveMinutes(start, { participants: [katrinParticipant], inputs: budget(amount) });
}

/** The PDF linked from signed minutes: its text, and that it is exactly the stored item of the signed content. */
async function linkedPdf(evidence: EvidenceStore, signed: Stored<Minutes>): Promise<string> {
  const signature = signed.value.signature!;
  expect(signature.sha256).toBe(await sha256Hex(canonicalContent(signed.value)));
  const item = await evidence.get(signature.evidenceId!);
  expect(item.sourceKey).toContain(signature.sha256);
  const pdf = await evidence.content(item);
  expect(item.contentSha256).toBe(await sha256Hex(pdf));
  return pdfText(pdf);
}

/** Makes every PATCH of a minutes record drop its connection (the next `times` ones). */
async function dropMinutesSaves(graph: ReturnType<typeof gatewaysFor>, times: number): Promise<void> {
  const site = await graph.sites.fromWebUrl(ISMS_SITE_URL);
  const list = await graph.lists.get(site.id, 'Chefsache Protokolle');
  await emulator.setFaults([{ path: `/lists/${list.id}/items/[^/]+/fields`, method: 'PATCH', rateDrop: 1, times }]);
}

describe('signing minutes when the final save fails', () => {
  it('does not sign over a change saved while signing (412); signing again links a PDF of the new content', async () => {
    const start = '2026-01-13T09:00:00.000Z';
    const jonas = session('jonas.weber', JONAS);
    await jonas.evidence.provision();
    await draft(jonas.service, start, '10.000');
    // Jonas saves 50.000 EUR right after Katrin's PDF (10.000 EUR) was stored and before her final save.
    let interleaved = false;
    const katrinDuringEdit = session('katrin.berger', KATRIN, (store) => ({
      ...store,
      capture: async (input) => {
        const result = await store.capture(input);
        if (!interleaved) {
          interleaved = true;
          const current = (await jonas.service.overview()).minutes[start]!;
          await jonas.service.saveMinutes(start, { inputs: budget('50.000') }, current.etag);
        }
        return result;
      },
    }));

    await expect(katrinDuringEdit.service.sign(start, 'de')).rejects.toMatchObject({ reason: 'changedWhileSigning' });
    const after = (await jonas.service.overview()).minutes[start]!;
    expect(after.value.signature).toBeUndefined();
    expect(after.value.inputs.g).toContain('50.000');

    const katrin = session('katrin.berger', KATRIN);
    const signed = await katrin.service.sign(start, 'de');
    const text = await linkedPdf(katrin.evidence, signed);
    expect(text).toContain(shown('50.000 EUR'));
    expect(text).not.toContain(shown('10.000 EUR'));
  }, 60_000);

  it('retries the final save after a network error once the PDF is uploaded', async () => {
    const start = '2026-04-14T08:00:00.000Z';
    const jonas = session('jonas.weber', JONAS);
    await draft(jonas.service, start, '20.000');
    const katrin = session('katrin.berger', KATRIN);
    await dropMinutesSaves(katrin.graph, 1);

    const signed = await katrin.service.sign(start, 'de');
    expect(signed.value.signature).toMatchObject({ by: { displayName: 'Katrin Berger' }, version: 1 });
    expect(await linkedPdf(katrin.evidence, signed)).toContain(shown('20.000 EUR'));
  }, 60_000);

  it('after a final save that kept failing, signing again links the right PDF: the stored one when unchanged, a new one after an edit', async () => {
    const jonas = session('jonas.weber', JONAS);
    const katrin = session('katrin.berger', KATRIN);

    // Unchanged: the PDF the failed attempt stored is taken over (with its signing time), not duplicated.
    const unchanged = '2026-07-14T08:00:00.000Z';
    await draft(jonas.service, unchanged, '30.000');
    await dropMinutesSaves(katrin.graph, 10);
    await expect(katrin.service.sign(unchanged, 'de')).rejects.toMatchObject({ kind: 'network' });
    await emulator.clearFaults();
    const again = await katrin.service.sign(unchanged, 'en');
    expect(await linkedPdf(katrin.evidence, again)).toContain(shown('30.000 EUR'));
    const pdfs = (await katrin.evidence.query({ types: ['reviewMinutes'], pageSize: 100 })).items.filter((i) => i.sourceKey.includes(unchanged));
    expect(pdfs.map((i) => i.id)).toEqual([again.value.signature!.evidenceId]);
    expect(again.value.signature!.at).toBe(new Date(pdfs[0]!.effectiveDate).toISOString());

    // Edited after the failure (the reported case): 10.000 EUR signed but not saved, then 50.000 EUR.
    const edited = '2026-10-13T08:00:00.000Z';
    const first = await draft(jonas.service, edited, '10.000');
    await dropMinutesSaves(katrin.graph, 10);
    await expect(katrin.service.sign(edited, 'de')).rejects.toMatchObject({ kind: 'network' });
    await emulator.clearFaults();
    await jonas.service.saveMinutes(edited, { inputs: budget('50.000') }, first.etag);
    const signed = await katrin.service.sign(edited, 'de');
    expect(signed.value.version).toBe(1);
    const text = await linkedPdf(katrin.evidence, signed);
    expect(text).toContain(shown('50.000 EUR'));
    expect(text).not.toContain(shown('10.000 EUR'));
  }, 90_000);
});
