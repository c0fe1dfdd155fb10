import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { EvidenceStore, Progress, StoredEvidence, UnreadableEvidence } from '../../features/evidence/evidenceStore';
import type { BinderRecords } from '../../features/binder/binderRecords';
import { historySourceFor, type BinderHistorySource } from '../../features/binder/historySource';
import { binderRecordsFor } from '../../features/binder/recordsSource';
import { applyFilter, EMPTY_FILTER, type PanelFilter, type SortKey } from '../../features/panel/evidenceFilter';
import { evidenceSiteUrl } from '../../features/evidence/openEvidenceStore';
import { loadPanel } from '../../features/panel/loadPanel';
import { NotSetUp } from '../setup/SetupNotices';
import { UPLOAD_TYPES, type UploadType } from '../../features/panel/uploadForms';
import { useI18n } from '../../i18n';
import { ErrorPanel, useAsync } from '../../ui';
import type { SectionProps } from '../sections';
import { pageParam } from '../sectionLinks';
import { BinderTools } from './BinderTools';
import type { AcknowledgementPage } from '../../domain';
import { loadAcknowledgementPages } from '../../features/acknowledgements/acknowledgementService';
import { DetailPane } from './DetailPane';
import { EvidenceGrid } from './EvidenceGrid';
import { FilterBar } from './FilterBar';
import { UnreadableItems } from './UnreadableItems';
import { UploadDialog } from './UploadDialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  split: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

function initialUploadType(): UploadType | undefined {
  const value = pageParam('upload');
  return UPLOAD_TYPES.find((type) => type === value);
}

/** The ISB evidence review panel (team tab). */
export function PanelSection({ services, profile, config, host }: SectionProps) {
  const { t } = useI18n();
  const store = services.evidence;
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const siteUrl = evidenceSiteUrl(config, host);
  const load = useCallback(() => loadPanel(services.graph, store, siteUrl, setProgress), [services, store, siteUrl]);
  const state = useAsync(load);
  if (state.status === 'loading' || state.status === 'idle') {
    // A first sync of a large list takes a while: show how far it got.
    return progress && progress.total > 0 ? (
      <Field label={t('store.sync.progress', { done: progress.done, total: progress.total })} validationState="none">
        <ProgressBar value={progress.done / progress.total} max={1} />
      </Field>
    ) : (
      <Spinner label={t('panel.loading')} />
    );
  }
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={state.retry} />;
  if (!state.data.visible) {
    if (!state.data.access.configured) return <NotSetUp siteUrl={siteUrl} />;
    // A job title that suggests a role without the group grants nothing; saying so tells whom to ask.
    return (
      <>
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('panel.noAccess')}</MessageBarBody>
        </MessageBar>
        {state.data.access.hints.map((hint) => (
          <MessageBar key={hint.key} layout="multiline" intent="warning">
            <MessageBarBody>{t(hint.key, hint.values)}</MessageBarBody>
          </MessageBar>
        ))}
      </>
    );
  }
  const records = siteUrl ? binderRecordsFor(services.graph, store, siteUrl) : undefined;
  // Staff acknowledgement pages (issue 15): names and dates only in the auditor's binder.
  const auditor = state.data.access.roles.includes('auditor');
  const acknowledgements = siteUrl
    ? () => loadAcknowledgementPages(services.graph, siteUrl, auditor)
    : undefined;
  return <Panel data={state.data} store={store} company={profile.organization.displayName} history={historySourceFor(services.graph, store)} records={records} acknowledgements={acknowledgements} />;
}

function Panel({
  data,
  store,
  company,
  history,
  records,
  acknowledgements,
}: {
  data: Extract<Awaited<ReturnType<typeof loadPanel>>, { visible: true }>;
  store: EvidenceStore;
  company: string;
  history: BinderHistorySource | undefined;
  records: BinderRecords | undefined;
  acknowledgements: (() => Promise<AcknowledgementPage[]>) | undefined;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [items, setItems] = useState<StoredEvidence[]>(data.items);
  const [unreadable, setUnreadable] = useState<UnreadableEvidence[]>(data.unreadable);
  const [filter, setFilter] = useState<PanelFilter>(EMPTY_FILTER);
  const [selectedId, setSelectedId] = useState<string | undefined>(() => pageParam('item') ?? undefined);
  const shown = useMemo(() => applyFilter(items, filter), [items, filter]);
  const selected = items.find((item) => item.id === selectedId);
  const { access } = data;

  const sortBy = (key: SortKey) =>
    setFilter((current) => ({
      ...current,
      sort: { key, direction: current.sort.key === key && current.sort.direction === 'ascending' ? 'descending' : 'ascending' },
    }));
  const [refreshError, setRefreshError] = useState<unknown>();
  // Brings the list up to date (delta sync) without leaving the panel: open dialogs and the selection stay.
  const refresh = async () => {
    try {
      setItems(await store.sync());
      setUnreadable(await store.unreadable());
      setRefreshError(undefined);
    } catch (error) {
      setRefreshError(error);
    }
  };
  const replace = (changed: StoredEvidence) => setItems((current) => current.map((item) => (item.id === changed.id ? changed : item)));

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Text as="h2" size={500} weight="semibold">
          {t('panel.heading')}
        </Text>
        <div>
          {access.permissions.mayCapture && <UploadDialog store={store} people={data.people} initialType={initialUploadType()} onUploaded={() => void refresh()} />}{' '}
          <Button onClick={() => void refresh()}>{t('panel.refresh')}</Button>
        </div>
      </div>
      {!access.permissions.mayCapture && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('panel.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
      {refreshError !== undefined && <ErrorPanel error={refreshError} onRetry={() => void refresh()} />}
      <UnreadableItems items={unreadable} />
      <FilterBar filter={filter} onChange={setFilter} />
      <Text role="status">{t('panel.counts', { shown: shown.length, total: items.length })}</Text>
      <div className={styles.split}>
        <EvidenceGrid items={shown} total={items.length} sort={filter.sort} onSort={sortBy} selectedId={selectedId} onSelect={setSelectedId} />
        <div aria-label={t('panel.detail.label')} role="region">
          {selected ? <DetailPane item={selected} store={store} access={access} onChanged={replace} membership={data.membership} /> : <Text>{t('panel.detail.none')}</Text>}
        </div>
      </div>
      <section aria-label={t('panel.binder.heading')}>
        <Text as="h3" size={400} weight="semibold" block>
          {t('panel.binder.heading')}
        </Text>
        <BinderTools store={store} company={company} {...(history ? { history } : {})} {...(records ? { records } : {})} {...(acknowledgements ? { acknowledgements } : {})} />
      </section>
    </div>
  );
}
