import { sha256Hex } from '../../domain';
import { quickXorHash, type EvidenceGateway, type EvidenceLocation, type StoredFile } from '../../graph';
import { StoredContentMismatchError } from './errors';
import { isTransientFailure } from './failures';
import { describeStoredContent } from './storedContent';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../../i18n';

const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

const location = { driveId: 'd' } as EvidenceLocation;
const encode = (text: string) => new TextEncoder().encode(text);

function gatewayServing(bytes: Uint8Array) {
  const downloads: string[] = [];
  const gateway = {
    download: async (_loc: EvidenceLocation, itemId: string) => {
      downloads.push(itemId);
      return bytes;
    },
  } as unknown as EvidenceGateway;
  return { gateway, downloads };
}

const file = (bytes: Uint8Array): StoredFile => ({ itemId: 'f1', webUrl: 'https://x/f1', name: 'Protokoll.pdf', size: bytes.length, quickXorHash: quickXorHash(bytes) });

describe('describeStoredContent', () => {
  const sentBytes = encode('%PDF-1.7 Protokoll %%EOF');

  it('needs no request when SharePoint reports the bytes as sent', async () => {
    const { gateway, downloads } = gatewayServing(sentBytes);
    const sent = { bytes: sentBytes, sha256: await sha256Hex(sentBytes) };
    const stored = await describeStoredContent(gateway, location, file(sentBytes), sent);
    expect(stored).toMatchObject({ sha256: sent.sha256, sentSha256: sent.sha256, size: sentBytes.length, quickXorHash: quickXorHash(sentBytes) });
    expect(downloads).toEqual([]);
  });

  it('hashes the stored bytes once when SharePoint changed the file', async () => {
    const promoted = encode('%PDF-1.7 Protokoll %MSOContentTypeId 0x0101\n%%EOF');
    const { gateway, downloads } = gatewayServing(promoted);
    const sent = { bytes: sentBytes, sha256: await sha256Hex(sentBytes) };
    const stored = await describeStoredContent(gateway, location, file(promoted), sent);
    expect(stored).toMatchObject({ sha256: await sha256Hex(promoted), sentSha256: sent.sha256, size: promoted.length });
    expect(downloads).toEqual(['f1']);
  });

  it('refuses to record a hash when the download is not what the upload reported', async () => {
    const promoted = encode('%PDF-1.7 Protokoll %MSOContentTypeId 0x0101\n%%EOF');
    const { gateway } = gatewayServing(encode('%PDF-1.7 etwas ganz anderes %%EOF'));
    const error = await describeStoredContent(gateway, location, file(promoted), { bytes: sentBytes, sha256: await sha256Hex(sentBytes) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredContentMismatchError);
    expect(words(error as StoredContentMismatchError, 'de')).toContain('Protokoll.pdf');
    expect(isTransientFailure(error)).toBe(false);
  });
});
