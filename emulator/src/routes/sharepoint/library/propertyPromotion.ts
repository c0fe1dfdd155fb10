/**
 * Property promotion/demotion: SharePoint's document parsers read and WRITE document properties of
 * Office files, PDFs and HTML pages stored in a library, so the stored bytes (and with them `size`
 * and `file.hashes.quickXorHash`) can differ from the bytes the client uploaded.
 * Sources:
 * - "Sharepoint / O365: Session uploaded file size reported by MS Graph does not equal local file
 *   size", https://github.com/OneDrive/onedrive-api-docs/issues/935 (PDF, Office documents and HTML
 *   change; text files do not; the upload response already describes the changed file).
 * - Microsoft Learn, "Custom Document Parsers" (SharePoint Foundation 2010),
 *   https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/aa544149(v=office.14)
 *   (parsers demote property values "into the document itself" and update content type information),
 *   and "Document Parsers in SharePoint (2 of 4): How Parsers Process Documents",
 *   https://learn.microsoft.com/en-us/archive/blogs/andrew_may/document-parsers-in-sharepoint-2-of-4-how-parsers-process-documents
 *
 * Off by default (the emulator then keeps the bytes as sent); `PUT /_admin/drive/property-promotion
 * {"enabled":true}` switches it on until the next reset. When on, every upload or replace of a
 * .docx/.xlsx/.pptx (and macro variants), .pdf or .html/.htm writes the library's content type id
 * into the file the way the parsers do:
 * - Office Open XML: `docProps/custom.xml` gets a `ContentTypeId` property (package kept valid);
 * - PDF: a metadata comment line before the final `%%EOF` (offsets of the xref stay valid);
 * - HTML: SharePoint's `<!--[if gte mso 9]><xml><mso:CustomDocumentProperties>` block in `<head>`.
 * Other files, and Office files that are not readable packages, are stored as sent.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import type { Store } from '../../../store/store';

const META_KEY = 'drive.propertyPromotion';

export function propertyPromotionEnabled(store: Store): boolean {
  return store.getMeta(META_KEY) === 'on';
}

export function setPropertyPromotion(store: Store, enabled: boolean): void {
  store.setMeta(META_KEY, enabled ? 'on' : 'off');
}

/** The document library's content type id for documents ("0x0101" + a per-library suffix). */
function contentTypeId(listId: string): string {
  return `0x0101${listId.replace(/[^0-9a-f]/gi, '').toUpperCase()}`;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

const CUSTOM_PROPS_PATH = 'docProps/custom.xml';
const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

function customPropsXml(ctId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ContentTypeId"><vt:lpwstr>${ctId}</vt:lpwstr></property>` +
    '</Properties>'
  );
}

function promoteOfficePackage(bytes: Buffer, ctId: string): Buffer {
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes);
  } catch {
    return bytes;
  }
  const types = parts['[Content_Types].xml'];
  const rels = parts['_rels/.rels'];
  if (!types || !rels) return bytes;
  let typesXml = strFromU8(types);
  if (!typesXml.includes(`PartName="/${CUSTOM_PROPS_PATH}"`)) {
    typesXml = typesXml.replace('</Types>', `<Override PartName="/${CUSTOM_PROPS_PATH}" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`);
  }
  let relsXml = strFromU8(rels);
  if (!relsXml.includes(CUSTOM_PROPS_REL)) {
    relsXml = relsXml.replace('</Relationships>', `<Relationship Id="rIdSpCustom" Type="${CUSTOM_PROPS_REL}" Target="${CUSTOM_PROPS_PATH}"/></Relationships>`);
  }
  const next: Unzipped = { ...parts, '[Content_Types].xml': strToU8(typesXml), '_rels/.rels': strToU8(relsXml), [CUSTOM_PROPS_PATH]: strToU8(customPropsXml(ctId)) };
  return Buffer.from(zipSync(next, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') }));
}

function promotePdf(bytes: Buffer, ctId: string): Buffer {
  const eof = bytes.lastIndexOf('%%EOF');
  if (eof === -1) return bytes;
  const line = Buffer.from(`%MSOContentTypeId ${ctId}\n`, 'latin1');
  return Buffer.concat([bytes.subarray(0, eof), line, bytes.subarray(eof)]);
}

function promoteHtml(bytes: Buffer, ctId: string): Buffer {
  const html = bytes.toString('utf8');
  const block =
    '<!--[if gte mso 9]><xml>\r\n<mso:CustomDocumentProperties>\r\n' +
    `<mso:ContentTypeId msdt:dt="string">${ctId}</mso:ContentTypeId>\r\n` +
    '</mso:CustomDocumentProperties>\r\n</xml><![endif]-->';
  const anchor = /<head[^>]*>/i.exec(html) ?? /<html[^>]*>/i.exec(html);
  const at = anchor ? anchor.index + anchor[0].length : 0;
  return Buffer.from(html.slice(0, at) + block + html.slice(at), 'utf8');
}

const OFFICE = new Set(['docx', 'docm', 'dotx', 'xlsx', 'xlsm', 'pptx', 'pptm']);

/** The bytes SharePoint keeps for a file uploaded as `bytes` into the library of list `listId`. */
export function storedBytes(store: Store, input: { name: string; listId: string; bytes: Buffer }): Buffer {
  if (!propertyPromotionEnabled(store)) return input.bytes;
  const ext = extensionOf(input.name);
  const ctId = contentTypeId(input.listId);
  if (OFFICE.has(ext)) return promoteOfficePackage(input.bytes, ctId);
  if (ext === 'pdf') return promotePdf(input.bytes, ctId);
  if (ext === 'html' || ext === 'htm') return promoteHtml(input.bytes, ctId);
  return input.bytes;
}
