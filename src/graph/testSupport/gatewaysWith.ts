import { createGraphGateways } from '../index';
import { FakeClock, FakeTokenProvider, fakeFetch, type FakeAnswer, type RecordedCall } from './fakeGraph';

export const TEST_BASE_URL = 'https://graph.example/v1.0';

/** Gateways over a scripted fetch, with a fake clock and token provider. Used by gateway unit tests. */
export function gatewaysWith(respond: (call: RecordedCall, index: number) => FakeAnswer | Promise<FakeAnswer>) {
  const fake = fakeFetch(respond);
  const tokens = new FakeTokenProvider();
  const graph = createGraphGateways({
    baseUrl: TEST_BASE_URL,
    tokenProvider: tokens,
    fetch: fake.fetch,
    clock: new FakeClock(),
    random: () => 0,
  });
  return { graph, calls: fake.calls, tokens };
}

/** The decoded path + query of a recorded call, relative to the base URL. */
export function relativeCall(call: RecordedCall): string {
  return decodeURIComponent(call.url.slice(TEST_BASE_URL.length));
}
