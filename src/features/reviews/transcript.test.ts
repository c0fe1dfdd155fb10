import { parseVtt } from './transcript';

describe('WebVTT transcripts', () => {
  it('reads speaker, time and text of each cue, decoding entities', () => {
    const vtt = 'WEBVTT\r\n\r\nabc/0\r\n00:00:05.120 --> 00:00:09.000\r\n<v Jonas Weber>Die Quote liegt bei &lt;3 %.</v>\r\n\r\n00:01:00.000 --> 00:01:02.000\r\nOhne Sprecher\r\n';
    expect(parseVtt(vtt)).toEqual([
      { text: 'Die Quote liegt bei <3 %.', at: '00:00:05', speaker: 'Jonas Weber' },
      { text: 'Ohne Sprecher', at: '00:01:00' },
    ]);
  });

  it('ignores the header and empty cues', () => {
    expect(parseVtt('WEBVTT\n\nNOTE nur ein Kommentar\n\n00:00:00.000 --> 00:00:01.000\n<v A></v>\n')).toEqual([]);
  });
});
