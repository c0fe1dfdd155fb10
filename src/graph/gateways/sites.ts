import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Site } from '../models';
import { GraphInvalidRequestError, type GraphPipeline, segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { defined, graphShape } from './shared';

const siteSchema = graphShape<MicrosoftGraph.Site>()(
  z.object({
    id: z.string(),
    name: z.string().nullish(),
    displayName: z.string().nullish(),
    webUrl: z.string(),
  }),
);

function toSite(site: z.output<typeof siteSchema>): Site {
  return defined({ id: site.id, displayName: site.displayName ?? site.name ?? site.webUrl, webUrl: site.webUrl, name: site.name });
}

function serverRelativePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => encodeURIComponent(decodeURIComponent(s)))
    .join('/');
}

export interface SitesGateway {
  /** `GET /sites/{hostname}:/sites/{path}`, e.g. byPath('mustergmbh.sharepoint.com', 'ISMS'). */
  byPath(hostname: string, path: string): Promise<Site>;
  /** `GET /sites/{id}` with the composite id `hostname,siteCollectionId,webId`. */
  byId(id: string): Promise<Site>;
  /** The site behind a browser URL, e.g. `https://mustergmbh.sharepoint.com/sites/ISMS` (Teams context). */
  fromWebUrl(url: string): Promise<Site>;
}

export function createSitesGateway(pipeline: GraphPipeline): SitesGateway {
  const get = async (url: string) => toSite(await pipeline.json({ method: 'GET', url, scopes: FEATURE_SCOPES.evidenceRead }, siteSchema));
  return {
    byPath: (hostname, path) => get(`/sites/${segment(hostname)}:/sites/${serverRelativePath(path)}`),
    byId: (id) => get(`/sites/${segment(id)}`),
    fromWebUrl: (url) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch (cause) {
        throw new GraphInvalidRequestError({
          status: 0,
          code: 'invalidSiteUrl',
          message: `"${url}" is not a SharePoint site URL.`,
          method: 'GET',
          url,
          cause,
        });
      }
      const path = serverRelativePath(parsed.pathname);
      // The tenant's root site has no path; any other site is addressed as host:/server-relative-path.
      return get(path === '' ? `/sites/${segment(parsed.hostname)}` : `/sites/${segment(parsed.hostname)}:/${path}`);
    },
  };
}
