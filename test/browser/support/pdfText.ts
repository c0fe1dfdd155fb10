/** The text of a binder PDF as tests can search it (the same reading as test/integration/binderAcknowledgements). */
import { unzlibSync } from 'fflate';

/** The page content streams, inflated, as Latin-1 text (pdf-lib writes shown text as hex, WinAnsi). */
export function pdfText(bytes: Uint8Array): string {
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

/** A line as pdf-lib shows it in a content stream: WinAnsi bytes (the en dash is 0x96) in upper-case hex. */
export const shown = (text: string): string => Buffer.from(text.replace(/\u2013/g, '\x96'), 'latin1').toString('hex').toUpperCase();
