/** WebVTT (Teams transcripts) → passages with speaker and time, to attach to inputs and decisions. */
import type { Passage } from './minutes';

const CUE_TIME = /^(\d{2}:\d{2}:\d{2})\.\d{3}\s+-->\s+/;

export function parseVtt(text: string): Passage[] {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  const passages: Passage[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timeLine = lines.findIndex((l) => CUE_TIME.test(l));
    if (timeLine < 0) continue;
    const at = CUE_TIME.exec(lines[timeLine]!)![1]!;
    const body = lines.slice(timeLine + 1).join(' ');
    const voice = /^<v\s+([^>]+)>([\s\S]*?)(?:<\/v>)?$/.exec(body.trim());
    const raw = voice ? voice[2]! : body;
    const textOnly = raw.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
    if (!textOnly) continue;
    passages.push({ text: textOnly.slice(0, 4000), at, ...(voice ? { speaker: voice[1]!.trim() } : {}) });
  }
  return passages;
}
