/** Location and provisioning: finds (or, on first use, creates) the list and library, and notices when they are lost. */
import {
  EVIDENCE_SCHEMA_VERSION,
  GraphForbiddenError,
  GraphNotFoundError,
  type EvidenceLocation,
  type ProvisionReport,
} from '../../graph';
import { EvidenceProvisioningError, EvidenceStoreLostError } from './errors';
import type { StoreContext } from './storeContext';

export interface StoreLocator {
  /** The located (or provisioned) list and library; asked once, cached. */
  location(): Promise<EvidenceLocation>;
  /** After a 404: the same list and library still there, or EvidenceStoreLostError. */
  relocate(): Promise<EvidenceLocation>;
  /** Provisioning with what it did (created lists, added columns). */
  provisionReport(): Promise<ProvisionReport>;
}

export interface LocatorOptions {
  /** Create list and library on first use when missing (needs site owner rights). */
  autoProvision: boolean;
  /** The site's list was replaced: the cache was cleared, forget what is known in memory too. */
  onReset: () => void;
}

function mapProvisioningError(error: unknown, site: string): unknown {
  if (error instanceof GraphForbiddenError) {
    return new EvidenceProvisioningError('forbidden', site, `(${error.describe()})`, { cause: error });
  }
  if (error instanceof GraphNotFoundError) {
    return new EvidenceProvisioningError('siteNotFound', site, `(${error.describe()})`, { cause: error });
  }
  return error;
}

export function createStoreLocator(ctx: StoreContext, options: LocatorOptions): StoreLocator {
  const { gateway, cache, site } = ctx;
  let located: Promise<EvidenceLocation> | undefined;

  async function useLocation(location: EvidenceLocation): Promise<EvidenceLocation> {
    const meta = await cache.meta(site);
    if (meta.location && (meta.location.listId !== location.listId || meta.location.siteId !== location.siteId)) {
      await cache.clear(site);
      options.onReset();
      await cache.setMeta(site, { location });
    } else {
      await cache.setMeta(site, { ...meta, location });
    }
    return location;
  }

  async function locateOnSite(): Promise<EvidenceLocation | undefined> {
    try {
      return await gateway.locate(site);
    } catch (error) {
      throw mapProvisioningError(error, site);
    }
  }

  /**
   * The list and library this browser used (cached location) must still be the ones on the site:
   * if they are gone or replaced, stop with the critical alarm. Only a first set-up creates them.
   */
  async function requireKnownStillThere(found: EvidenceLocation | undefined): Promise<void> {
    const used = (await cache.meta(site)).location;
    if (used && (!found || found.listId !== used.listId || found.libraryId !== used.libraryId)) throw new EvidenceStoreLostError(site);
  }

  async function provisionReport(): Promise<ProvisionReport> {
    await requireKnownStillThere(await locateOnSite());
    try {
      const report = await gateway.provision(site);
      await useLocation(report.location);
      located = Promise.resolve(report.location);
      return report;
    } catch (error) {
      throw mapProvisioningError(error, site);
    }
  }

  async function resolveLocation(): Promise<EvidenceLocation> {
    const meta = await cache.meta(site);
    if (meta.location && meta.location.schemaVersion >= EVIDENCE_SCHEMA_VERSION) return meta.location;
    const location = await locateOnSite();
    await requireKnownStillThere(location);
    if (location && location.schemaVersion >= EVIDENCE_SCHEMA_VERSION) return useLocation(location);
    if (!options.autoProvision) {
      throw new EvidenceProvisioningError('failed', site, 'The evidence list is missing or outdated and automatic set-up is switched off.');
    }
    return (await provisionReport()).location;
  }

  return {
    location: () =>
      (located ??= resolveLocation().catch((error: unknown) => {
        located = undefined;
        throw error;
      })),

    /**
     * Something in the cached list or library answered 404: the same list and library still there →
     * go on with them; deleted or moved → EvidenceStoreLostError (never set up again, issue 12).
     */
    async relocate() {
      located = undefined;
      const found = await locateOnSite();
      await requireKnownStillThere(found);
      if (!found) throw new EvidenceStoreLostError(site);
      return (located = Promise.resolve(useLocation(found)));
    },

    provisionReport,
  };
}
