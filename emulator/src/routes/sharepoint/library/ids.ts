/** Drive and driveItem ids in SharePoint's formats. */
import { randomBytes } from 'node:crypto';

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ''), 'hex');
}

/** SharePoint drive ids are "b!" + base64url(siteCollectionId ‖ webId ‖ listId). */
export function driveIdFor(siteCollectionId: string, webId: string, listId: string): string {
  return `b!${Buffer.concat([guidBytes(siteCollectionId), guidBytes(webId), guidBytes(listId)]).toString('base64url')}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** DriveItem ids look like `01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K`: "01" + 32 base32 characters. */
export function newDriveItemId(): string {
  const bytes = randomBytes(32);
  let id = '01';
  for (const byte of bytes) id += BASE32[byte % 32];
  return id;
}
