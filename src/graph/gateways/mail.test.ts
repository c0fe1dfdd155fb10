import { gatewaysWith } from '../testSupport/gatewaysWith';

const encoder = new TextEncoder();

/** A $value answer streamed in chunks; records how many chunks the client pulled. */
function streamedMime(chunks: string[]) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled.count];
      pulled.count += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return { response: new Response(stream, { status: 200, headers: { 'Content-Type': 'text/plain' } }), pulled };
}

describe('mail gateway: mimeHeaders()', () => {
  it('reads the MIME only up to the end of the header block, unfolds headers and names them in lower case', async () => {
    const attachment = 'A'.repeat(64 * 1024);
    const { response, pulled } = streamedMime([
      'Message-ID: <A1@mustergmbh.onmicrosoft.com>\r\nSubject: Ziele\r\nX-Chefsache-Capture: id=5d1e7c2b-3a4f-4b6c-8d9e-0f1a2b3c4d5e;\r\n',
      ' kind=objectives\r\nContent-Type: multipart/mixed\r\n\r\n',
      `--b\r\n${attachment}`,
      `${attachment}\r\n--b--\r\n`,
    ]);
    const { graph, calls } = gatewaysWith(() => response);
    const headers = await graph.mail.mimeHeaders('AAMk/1');
    expect(calls[0]?.url).toBe('https://graph.example/v1.0/me/messages/AAMk%2F1/$value');
    expect(headers).toMatchObject({ 'message-id': '<A1@mustergmbh.onmicrosoft.com>', 'x-chefsache-capture': 'id=5d1e7c2b-3a4f-4b6c-8d9e-0f1a2b3c4d5e; kind=objectives' });
    // The attachment chunks after the header block are never downloaded.
    expect(pulled.count).toBeLessThanOrEqual(3);
  });

  it('fails on an answer without a header block', async () => {
    const { graph } = gatewaysWith(() => new Response('no headers here', { status: 200 }));
    await expect(graph.mail.mimeHeaders('m1')).rejects.toThrow('no complete header block');
  });
});
