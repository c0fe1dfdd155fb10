/**
 * The one sanitizer for mail HTML, for the evidence panel's preview and for the stored copy of a
 * captured mail (mailSnapshot.ts): DOMPurify with an allow-list. No scripts, event handlers, styles,
 * SVG/MathML, forms, frames or media; links only to http(s) and mailto, opened in a new tab without
 * referrer; images only when embedded as `data:image/…` (a remote image would call home whenever
 * the mail is opened; an image without an allowed source is dropped). What is left is text and
 * simple formatting.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'li', 'ol', 'p', 'pre', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'colspan', 'rowspan', 'src', 'alt'];
const EMBEDDED_IMAGE = /^data:image\//i;
const LINK = /^(https?:|mailto:)/i;

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** True when DOMPurify can run here (it needs a DOM: browser or jsdom, not classic Outlook's JavaScript-only runtime). */
export function canSanitizeHtml(): boolean {
  return typeof window !== 'undefined' && DOMPurify.isSupported;
}

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  if (!canSanitizeHtml()) throw new Error('Cannot sanitize mail HTML: DOMPurify needs a DOM, which this runtime does not have.');
  purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && (node.tagName !== 'IMG' || !EMBEDDED_IMAGE.test(data.attrValue.trim()))) data.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!LINK.test(href.trim())) node.removeAttribute('href');
      else {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    if (node.tagName === 'IMG' && !node.hasAttribute('src')) node.remove();
  });
  return purifier;
}

export function sanitizeMailHtml(html: string): string {
  return instance().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_ATTR: ['target', 'rel'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_CONTENTS: ['script', 'style', 'svg', 'math', 'template', 'noscript', 'iframe', 'object', 'title'],
    WHOLE_DOCUMENT: false,
  }) as string;
}
