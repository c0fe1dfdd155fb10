import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { DirectoryGroup } from '../../graph';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { width: '360px', maxWidth: '100%' },
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface GroupChooserProps {
  label: string;
  value: DirectoryGroup | undefined;
  search: (text: string) => Promise<DirectoryGroup[]>;
  onChange: (group: DirectoryGroup) => void;
}

/** Finds an Entra group by name and shows the object id that will be stored (never the name). */
export function GroupChooser({ label, value, search, onChange }: GroupChooserProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DirectoryGroup[] | undefined>();
  const run = async () => setResults(await search(query));
  return (
    <div className={styles.root} role="group" aria-label={label}>
      <div className={styles.row}>
        <Field label={label} className={styles.field}>
          <Input value={query} placeholder={t('setup.section.searchPlaceholder')} onChange={(_, d) => setQuery(d.value)} onKeyDown={(e) => e.key === 'Enter' && void run()} />
        </Field>
        <Button onClick={() => void run()} aria-controls={resultsId}>
          {t('setup.section.search')}
        </Button>
      </div>
      <ul id={resultsId} className={styles.results}>
        {results?.length === 0 && <li>{t('setup.section.noResults')}</li>}
        {results?.map((g) => (
          <li key={g.id}>
            <Button appearance="subtle" onClick={() => { onChange(g); setResults(undefined); }}>
              {t('setup.section.choose', { name: g.displayName })}
            </Button>
            <Text size={200}> {t('setup.section.objectId', { id: g.id })}</Text>
          </li>
        ))}
      </ul>
      {value && (
        <Text>
          {t('setup.section.chosen', { name: value.displayName })} · {t('setup.section.objectId', { id: value.id })}
        </Text>
      )}
    </div>
  );
}
