import { Button, Dropdown, Field, Input, Option, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import {
  CLAUSES,
  EVIDENCE_SOURCES,
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_TYPES,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type ClauseId,
  type EvidenceSource,
  type EvidenceTypeId,
  type ReviewStatus,
} from '../../domain';
import { EMPTY_FILTER, isFiltered, type PanelFilter } from '../../features/panel/evidenceFilter';
import { translateMessage, useI18n } from '../../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  narrow: { minWidth: '150px', maxWidth: '220px' },
});

/** Search in titles and filters by type, status, clause, source and date range. */
export function FilterBar({ filter, onChange }: { filter: PanelFilter; onChange: (filter: PanelFilter) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const any = t('panel.filters.any');
  const set = (patch: Partial<PanelFilter>) => onChange({ ...filter, ...patch });
  const summary = (values: readonly string[], label: (v: string) => string) => (values.length === 0 ? any : values.map(label).join(', '));
  return (
    <div className={styles.bar} role="search" aria-label={t('panel.filters.label')}>
      <Field label={t('panel.filters.search')}>
        <SearchBox value={filter.search} onChange={(_, data) => set({ search: data.value })} />
      </Field>
      <Field label={t('panel.filters.type')} className={styles.narrow}>
        <Dropdown
          multiselect
          value={summary(filter.types, (v) => t(EVIDENCE_TYPES.find((type) => type.id === v)!.label))}
          selectedOptions={filter.types}
          onOptionSelect={(_, data) => set({ types: data.selectedOptions as EvidenceTypeId[] })}
        >
          {EVIDENCE_TYPES.map((type) => (
            <Option key={type.id} value={type.id}>
              {t(type.label)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('panel.filters.status')} className={styles.narrow}>
        <Dropdown
          multiselect
          value={summary(filter.statuses, (v) => t(REVIEW_STATUS_LABELS[v as ReviewStatus]))}
          selectedOptions={filter.statuses}
          onOptionSelect={(_, data) => set({ statuses: data.selectedOptions as ReviewStatus[] })}
        >
          {REVIEW_STATUSES.map((status) => (
            <Option key={status} value={status}>
              {t(REVIEW_STATUS_LABELS[status])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('panel.filters.clause')} className={styles.narrow}>
        <Dropdown
          value={filter.clause ? `${CLAUSES.find((c) => c.id === filter.clause)!.citation}` : any}
          selectedOptions={filter.clause ? [filter.clause] : ['']}
          onOptionSelect={(_, data) => set({ clause: (data.optionValue || undefined) as ClauseId | undefined })}
        >
          <Option value="">{any}</Option>
          {CLAUSES.map((clause) => (
            <Option key={clause.id} value={clause.id} text={clause.citation}>
              {`${clause.citation} ${translateMessage(t, clause.name)}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('panel.filters.source')} className={styles.narrow}>
        <Dropdown
          multiselect
          value={summary(filter.sources, (v) => t(EVIDENCE_SOURCE_LABELS[v as EvidenceSource]))}
          selectedOptions={filter.sources}
          onOptionSelect={(_, data) => set({ sources: data.selectedOptions as EvidenceSource[] })}
        >
          {EVIDENCE_SOURCES.map((source) => (
            <Option key={source} value={source}>
              {t(EVIDENCE_SOURCE_LABELS[source])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('panel.filters.from')}>
        <Input type="date" value={filter.from ?? ''} onChange={(_, data) => set({ from: data.value || undefined })} />
      </Field>
      <Field label={t('panel.filters.to')}>
        <Input type="date" value={filter.to ?? ''} onChange={(_, data) => set({ to: data.value || undefined })} />
      </Field>
      <Button disabled={!isFiltered(filter)} onClick={() => onChange({ ...EMPTY_FILTER, sort: filter.sort })}>
        {t('panel.filters.reset')}
      </Button>
    </div>
  );
}
