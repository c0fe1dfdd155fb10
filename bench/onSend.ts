/**
 * On-send bench (issue 4): the time the on-send handler adds for a tagged mail, with every Graph
 * request delayed by 100 ms in the emulator (an emulated round trip), and the requests made for
 * an untagged mail. The real evidence store, gateways and pipeline run against a fresh emulator.
 * Called by bench/run.ts; returns the lines to print.
 */
import { createEmulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { createEvidenceStore } from '../src/features/evidence/createEvidenceStore';
import { captureOnSend, type OnSendDependencies } from '../src/features/outlook/onSendCapture';
import { tagMail } from '../src/features/outlook/tagging';
import { fakeComposeMail, fakeMasterCategories } from '../src/features/outlook/testing/fakeComposeMail';
import { createGraphGateways } from '../src/graph';
import { startEmulator } from '../test/support/emulator';

const ROUND_TRIP_MS = 100;
const RUNS = 20;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export async function benchOnSend(): Promise<string[]> {
  const emulator = await startEmulator();
  try {
    const user = 'katrin.berger@mustergmbh.onmicrosoft.com';
    const tokenProvider = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user });
    const graph = createGraphGateways({ baseUrl: emulator.graphUrl, tokenProvider });
    const store = createEvidenceStore({ graph, site: 'https://mustergmbh.sharepoint.com/sites/ISMS', capturedBy: { upn: user, displayName: 'Katrin Berger' } });
    await store.provision();
    const author = { displayName: 'Katrin Berger', emailAddress: user };
    const deps: OnSendDependencies = { author, lang: 'de', now: () => new Date(), newCaptureId: () => crypto.randomUUID(), openStore: async () => store };

    // Warm-up (token, site lookup) outside the measurement: the event runtime keeps them per session.
    const warm = fakeComposeMail();
    await tagMail(warm, fakeMasterCategories(), { kind: 'allStaff', captureId: crypto.randomUUID() });
    await captureOnSend(warm, deps);

    await emulator.setFaults([{ latencyMs: ROUND_TRIP_MS }]);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const mail = fakeComposeMail({ subject: `Sicherheitsbotschaft ${i + 1}` });
      await tagMail(mail, fakeMasterCategories(), { kind: 'allStaff', captureId: crypto.randomUUID() });
      const started = performance.now();
      const outcome = await captureOnSend(mail, deps);
      times.push(performance.now() - started);
      if (outcome.outcome !== 'captured' || outcome.result.status !== 'created') throw new Error(`Bench capture ${i + 1} did not create an item: ${JSON.stringify(outcome)}`);
    }
    times.sort((a, b) => a - b);

    await emulator.resetStats();
    let opened = 0;
    const untagged = await captureOnSend(fakeComposeMail(), { ...deps, openStore: async () => ((opened += 1), store) });
    if (untagged.outcome !== 'untagged') throw new Error('Bench: the untagged mail was treated as tagged.');
    const requests = (await emulator.stats()).requests + opened;

    return [`on-send tagged p50 ms: ${Math.round(percentile(times, 50))} p95 ms: ${Math.round(percentile(times, 95))}`, `on-send untagged requests: ${requests}`];
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  benchOnSend().then(
    (lines) => lines.forEach((line) => console.log(line)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
