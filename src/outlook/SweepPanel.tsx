import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { sweepSentItems, type SweepResult } from '../features/outlook/sweep';
import { ErrorPanel, type AppServices } from '../ui';
import { localDeltaLinkStorage } from './deltaLinkStorage';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' } });

type State = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: SweepResult } | { status: 'error'; error: unknown };

/** "Sweep Sent Items": captures tagged mails sent where the add-in did not run. */
export function SweepPanel({ services, mailbox }: { services: AppServices; mailbox: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      const result = await sweepSentItems({ mail: services.graph.mail, store: services.evidence, lang: language, deltaLinks: localDeltaLinkStorage(mailbox) });
      setState({ status: 'done', result });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  return (
    <section className={styles.root} aria-labelledby="chefsache-sweep-heading">
      <Text as="h3" weight="semibold" id="chefsache-sweep-heading">
        {t('outlook.sweep.heading')}
      </Text>
      <Text>{t('outlook.sweep.explain')}</Text>
      <Button appearance="secondary" onClick={() => void run()} disabled={state.status === 'running'}>
        {t('outlook.sweep.run')}
      </Button>
      {state.status === 'running' && <Spinner size="tiny" label={t('outlook.sweep.running')} />}
      {state.status === 'done' && (
        <MessageBar intent={state.result.failed.length > 0 ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            {t('outlook.sweep.result', {
              tagged: state.result.tagged,
              captured: state.result.captured,
              confirmed: state.result.confirmed.length,
              queued: state.result.queued,
              failed: state.result.failed.length,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'error' && <ErrorPanel error={state.error} onRetry={() => void run()} />}
    </section>
  );
}
