import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { formatDayIn, type PersonRef, type RoleGroups } from '../../domain';
import { currentObjectives, currentPolicy, loadAcknowledgementStatus, loadReviewTrust, publishForAcknowledgement, type MailProblem } from '../../features/acknowledgements/acknowledgementService';
import { useI18n } from '../../i18n';
import { describeError, ErrorPanel, useAsync, type AppServices } from '../../ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const pct = (share: number) => String(Math.round(share * 100));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The dashboard's staff acknowledgement (issue 15): share of all staff on the current policy version, the
 * self-check's share of right answers, and for top management and the ISB the form that publishes the policy.
 */
export function AcknowledgementCard(props: { services: AppServices; siteUrl: string; roleGroups: RoleGroups | undefined; me: PersonRef; mayPublish: boolean }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const { services, siteUrl, roleGroups } = props;
  const load = useCallback(async () => {
    // The policy counts as accepted by its decision records, as on the dashboard.
    const [evidence, trust] = await Promise.all([services.evidence.sync(), loadReviewTrust(services.graph, services.evidence, roleGroups)]);
    const loaded = await loadAcknowledgementStatus(services.graph, evidence, siteUrl, roleGroups, new Date(), trust);
    return { evidence, trust, loaded };
  }, [services, siteUrl, roleGroups]);
  const state = useAsync(load);
  // Kept here: publishing reloads the card, and the outcome must outlive that.
  const [notice, setNotice] = useState<Notice | null>(null);
  if (state.status === 'loading' || state.status === 'idle') return <Spinner label={t('dashboard.loading')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={state.retry} />;
  const { evidence, trust, loaded } = state.data;
  const status = loaded?.status;
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Text as="h3" id={headingId} size={400} weight="semibold">
        {t('ack.card.heading')}
      </Text>
      {!loaded && <Text>{t('ack.card.missing')}</Text>}
      {loaded && !status && <Text>{t('ack.card.nothing')}</Text>}
      {status && (
        <>
          <Text>
            {t('ack.card.published', {
              date: formatDayIn(new Date(status.publication.publishedAt), 'Europe/Berlin', language),
              title: status.publication.policyTitle,
              due: status.publication.dueDate.split('-').reverse().join('.'),
            })}
          </Text>
          <Text weight="semibold">
            {status.staffCount > 0
              ? t('ack.card.count', { count: String(status.acknowledged.length), total: String(status.staffCount), percent: pct(status.share) })
              : t('ack.card.noStaffGroup', { count: String(status.acknowledged.length) })}
          </Text>
          <Text>
            {status.selfCheck.share === null
              ? t('ack.card.selfCheckNone')
              : t('ack.card.selfCheck', { correct: String(status.selfCheck.correct), answers: String(status.selfCheck.answers), percent: pct(status.selfCheck.share) })}
          </Text>
        </>
      )}
      {loaded && loaded.records.unreadable > 0 && <Text>{t('ack.card.unreadable', { count: String(loaded.records.unreadable) })}</Text>}
      {loaded && props.mayPublish && (
        <PublishForm
          services={services}
          siteUrl={siteUrl}
          roleGroups={roleGroups}
          me={props.me}
          policyTitle={currentPolicy(evidence, trust)?.title}
          objectives={currentObjectives(evidence)}
          onOutcome={(outcome) => {
            setNotice(outcome);
            if (outcome.intent !== 'error') state.retry();
          }}
        />
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

type Notice = { intent: 'success' | 'warning' | 'error'; text: string };

function PublishForm(props: { services: AppServices; siteUrl: string; roleGroups: RoleGroups | undefined; me: PersonRef; policyTitle: string | undefined; objectives: string[]; onOutcome: (notice: Notice) => void }) {
  const { t, language } = useI18n();
  const mailProblemText = (problem: MailProblem | undefined) =>
    problem?.kind === 'noAllStaffGroup' ? t('ack.publish.noAllStaffGroup') : (describeError(problem?.error, language)?.message ?? '');
  const styles = useStyles();
  const headingId = useId();
  const [objectives, setObjectives] = useState(props.objectives.join('\n'));
  const [distractors, setDistractors] = useState('');
  const [dueDate, setDueDate] = useState(inDays(30));
  const [busy, setBusy] = useState(false);
  if (!props.policyTitle) return <Text>{t('ack.publish.noPolicy')}</Text>;
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const submit = async () => {
    setBusy(true);
    try {
      const link = typeof location === 'undefined' ? '' : `${location.origin}/teams/?view=dashboard`;
      const published = await publishForAcknowledgement(props.services.graph, props.services.evidence, props.siteUrl, {
        dueDate,
        objectives: lines(objectives),
        distractors: lines(distractors),
        publisher: props.me,
        link,
        roleGroups: props.roleGroups,
      });
      props.onOutcome(published.messageSent ? { intent: 'success', text: t('ack.publish.published') } : { intent: 'warning', text: t('ack.publish.publishedNoMail', { reason: mailProblemText(published.mailProblem) }) });
    } catch (e) {
      props.onOutcome({ intent: 'error', text: t('ack.publish.failed', { reason: describeError(e, language)?.message ?? '' }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className={styles.form}>
      <Text as="h4" id={headingId} weight="semibold">
        {t('ack.publish.heading')}
      </Text>
      <Text>{t('ack.publish.policy', { title: props.policyTitle })}</Text>
      <Field label={t('ack.publish.objectives')} required>
        <Textarea value={objectives} onChange={(_, d) => setObjectives(d.value)} rows={4} />
      </Field>
      <Field label={t('ack.publish.distractors')}>
        <Textarea value={distractors} onChange={(_, d) => setDistractors(d.value)} rows={2} />
      </Field>
      <Field label={t('ack.publish.dueDate')} required>
        <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy || lines(objectives).length === 0 || !dueDate} onClick={() => void submit()}>
          {busy ? t('ack.publish.publishing') : t('ack.publish.submit')}
        </Button>
      </div>
    </section>
  );
}
