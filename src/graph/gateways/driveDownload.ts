/**
 * A file's bytes the way a browser can read them. Microsoft Learn, "Download the contents of a
 * driveItem", section "Downloading files in JavaScript apps"
 * (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content?view=graph-rest-1.0): `/content`
 * answers 302 to a pre-authenticated URL on the SharePoint host, and after a request with a bearer
 * token (which needs a CORS preflight) the browser refuses that redirect. So: GET the item with
 * `$select=id,@microsoft.graph.downloadUrl`, then GET that URL without a token (pipeline.download).
 * The URL is short-lived (1 hour), so it is fetched right away and never kept.
 */
import { z } from 'zod';
import { GraphNotFoundError, type GraphPipeline } from '../pipeline';

const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';
const downloadUrlSchema = z.object({ id: z.string(), [DOWNLOAD_URL]: z.string().url().optional() });

/** `itemUrl`: the driveItem, e.g. `/drives/{driveId}/items/{itemId}` or `/sites/{id}/drive/root:/{path}`. */
export async function downloadDriveItem(
  pipeline: GraphPipeline,
  itemUrl: string,
  scopes: readonly string[],
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const item = await pipeline.json(
    { method: 'GET', url: itemUrl, query: { $select: `id,${DOWNLOAD_URL}` }, scopes, ...(signal ? { signal } : {}) },
    downloadUrlSchema,
  );
  const url = item[DOWNLOAD_URL];
  if (!url) {
    throw new GraphNotFoundError({
      status: 0,
      code: 'noDownloadUrl',
      message: `Microsoft Graph gave no ${DOWNLOAD_URL} for item ${item.id}: it is a folder or has no content.`,
      method: 'GET',
      url: `${pipeline.baseUrl}${itemUrl}`,
    });
  }
  return (await pipeline.download(url, signal ? { signal } : {})).body;
}
