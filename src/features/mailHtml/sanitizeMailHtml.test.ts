/** @jest-environment jsdom */
import { sanitizeMailHtml } from './sanitizeMailHtml';

describe('mail HTML sanitizing', () => {
  it.each([
    ['<p>Hallo</p><script>window.pwned=1</script>', '<p>Hallo</p>'],
    ['<img src=x onerror="window.pwned=1">Bild', 'Bild'],
    ['<a href="javascript:alert(1)">klick</a>', '<a>klick</a>'],
    ['<svg onload="window.pwned=1"><circle r="5"/></svg>ok', 'ok'],
    ['<div style="background:url(javascript:alert(1))">x</div><style>body{display:none}</style>', '<div>x</div>'],
    ['<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input></form>t', 't'],
  ])('removes what could run or phone home: %s', (html, expected) => {
    expect(sanitizeMailHtml(html)).toBe(expected);
  });

  it('keeps simple formatting and opens safe links in a new tab without referrer', () => {
    expect(sanitizeMailHtml('<p><b>Wichtig</b>: <a href="https://intranet.example/leitlinie">Leitlinie</a></p>')).toBe(
      '<p><b>Wichtig</b>: <a href="https://intranet.example/leitlinie" target="_blank" rel="noopener noreferrer nofollow">Leitlinie</a></p>',
    );
  });

  it('keeps images embedded as data:image and drops every other image, for the preview and the stored copy alike', () => {
    expect(sanitizeMailHtml('<p>Logo <img src="data:image/png;base64,AAAA" alt="logo"><img src="https://tracker.example/pixel.gif" alt="t"><img srcset="https://tracker.example/a.png 2x"></p>')).toBe(
      '<p>Logo <img src="data:image/png;base64,AAAA" alt="logo"></p>',
    );
    expect(sanitizeMailHtml('<a href="data:image/png;base64,AAAA">x</a><div src="data:image/png;base64,AAAA">y</div>')).toBe('<a>x</a><div>y</div>');
  });
});
