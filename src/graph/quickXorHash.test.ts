import { quickXorHash } from './quickXorHash';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

describe('quickXorHash', () => {
  // Vectors from rclone's QuickXorHash tests, checked against Microsoft's reference implementation.
  it.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['eAV52qE=', 'eChAHrQRCgAAAAAABQAAAAAAAAA='],
    ['2fuxhBJXtpWFe8dOfdGeHw==', 'O9tHLAghgSvYohKFyMMxnNCHaHg='],
    ['DWAAX5/CIfrmErgZa8ot6ZraeSbu', 'LR2Z0PjuRYGKQB/mhQAuMrAGZbQ='],
    [
      'ikwCorI7PKWz17EI50jZCGbV9JU2E8bXVfxNMg5zdmqSZ2NlsQPp0kqYIPjzwTg1MBtfWPg53k0h0P2naJNEVgrqpoHTfV2b3pJ4m0zYPTJmUX4Bg/lOxcnCxAYKU29Y5F0U8Quz7ZXFBEweftXxJ7RS4r6N7BzJrPsLhY7hgck=',
      'imAoFvCWlDn4yVw3/oq1PDbbm6U=',
    ],
  ])('hashes %s as SharePoint does', (input, expected) => {
    expect(quickXorHash(fromBase64(input))).toBe(expected);
  });

  it('changes when one byte changes in a file longer than the 160-byte block', () => {
    const bytes = new Uint8Array(1000).map((_, i) => i % 251);
    const changed = bytes.slice();
    changed[700] = changed[700]! ^ 1;
    expect(quickXorHash(changed)).not.toBe(quickXorHash(bytes));
  });
});
