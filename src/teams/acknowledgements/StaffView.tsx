import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { formatDayIn, isObjective, selfCheckChoices, type Language, type Publication } from '../../domain';
import { acknowledge, loadStaffView } from '../../features/acknowledgements/acknowledgementService';
import { useI18n } from '../../i18n';
import { ErrorPanel, useAsync, type AppServices } from '../../ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  preview: { whiteSpace: 'pre-wrap', maxHeight: '24rem', overflowY: 'auto', padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

const day = (iso: string, language: Language) => formatDayIn(new Date(iso), 'Europe/Berlin', language);

/**
 * What staff see in the personal tab instead of "no access" (issue 15): the published policy and objectives,
 * "I have read and understood", an optional anonymous self-check, and their own acknowledgements (SharePoint
 * shows them only their own). Without a publication they can read, `fallback` is shown.
 */
export function StaffView({ services, siteUrl, fallback }: { services: AppServices; siteUrl: string; fallback: ReactNode }) {
  const { t } = useI18n();
  const load = useCallback(() => loadStaffView(services.graph, siteUrl).catch(() => undefined), [services, siteUrl]);
  const state = useAsync(load);
  if (state.status === 'loading' || state.status === 'idle') return <Spinner label={t('dashboard.loading')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={state.retry} />;
  const view = state.data;
  if (!view?.publication) return <>{fallback}</>;
  return <PublicationView services={services} siteUrl={siteUrl} publication={view.publication} mine={view.records.acknowledgements} publications={view.records.publications} onDone={state.retry} />;
}

function PublicationView(props: {
  services: AppServices;
  siteUrl: string;
  publication: Publication;
  mine: { publicationId: string; policySha256: string; at: string }[];
  publications: Publication[];
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const { publication } = props;
  const [answer, setAnswer] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmed = props.mine.find((a) => a.policySha256 === publication.policySha256);
  const choices = selfCheckChoices(publication);
  const titleOf = (id: string) => props.publications.find((p) => p.id === id)?.policyTitle ?? id;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await acknowledge(props.services.graph, props.siteUrl, publication, answer ? { correct: isObjective(publication, answer) } : undefined);
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Text as="h2" id={headingId} size={600} weight="semibold">
        {t('ack.staff.heading')}
      </Text>
      {publication.message && (
        <section aria-label={t('ack.staff.message')}>
          <Text block className={styles.preview}>{publication.message.split('\n---\n')[language === 'de' ? 0 : 1] ?? publication.message}</Text>
        </section>
      )}
      <section aria-label={t('ack.staff.policy')}>
        <Text as="h3" size={400} weight="semibold">{publication.policyTitle}</Text>
        <Text block className={styles.preview}>{publication.policyPreview}</Text>
        <Text size={200}>{t('ack.staff.version', { sha: publication.policySha256 })}</Text>
      </section>
      <section aria-label={t('ack.staff.objectives')}>
        <Text as="h3" size={400} weight="semibold">{t('ack.staff.objectives')}</Text>
        <ul>
          {publication.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      {confirmed ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('ack.staff.done', { date: day(confirmed.at, language) })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>{t('ack.staff.due', { date: publication.dueDate.split('-').reverse().join('.') })}</Text>
          {choices.length > 1 && (
            <Field label={t('ack.staff.selfCheck')} hint={t('ack.staff.selfCheckHint')}>
              <RadioGroup value={answer} onChange={(_, data) => setAnswer(data.value)}>
                {choices.map((c) => (
                  <Radio key={c} value={c} label={c} />
                ))}
              </RadioGroup>
            </Field>
          )}
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()}>
              {busy ? t('ack.staff.saving') : t('ack.staff.acknowledge')}
            </Button>
          </div>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {props.mine.length > 0 && (
        <section aria-label={t('ack.staff.mine')}>
          <Text as="h3" size={400} weight="semibold">{t('ack.staff.mine')}</Text>
          <ul>
            {props.mine.map((a) => (
              <li key={`${a.publicationId}-${a.at}`}>{t('ack.staff.mineEntry', { title: titleOf(a.publicationId), date: day(a.at, language) })}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
