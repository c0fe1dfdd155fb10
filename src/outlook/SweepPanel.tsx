import { Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { sweepSentItems, type SweepResult } from '../features/outlook/sweep';
import { ErrorPanel, type AppServices } from '../ui';
import { localDeltaLinkStorage, localSweepSchedule } from './deltaLinkStorage';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' }, progress: { alignSelf: 'stretch' } });

type State =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | undefined }
  | { status: 'done'; result: SweepResult }
  | { status: 'error'; error: unknown };

/**
 * "Sweep Sent Items": captures tagged mails sent where the add-in did not run (another client, or
 * classic Outlook's on-send runtime that could not keep its outbox). With `auto` it also runs by
 * itself when shown, at most every 15 minutes per mailbox (task pane opened, CEO opens the tab).
 */
export function SweepPanel({ services, mailbox, auto = false }: { services: AppServices; mailbox: string; auto?: boolean }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: 'idle' });
  const mounted = useRef(true);
  const run = useCallback(async () => {
    localSweepSchedule(mailbox).started(new Date());
    setState({ status: 'running', done: 0, total: undefined });
    try {
      const result = await sweepSentItems({
        mail: services.graph.mail,
        store: services.evidence,
        lang: language,
        deltaLinks: localDeltaLinkStorage(mailbox),
        onProgress: ({ done, total }) => {
          if (mounted.current) setState({ status: 'running', done, total });
        },
      });
      if (mounted.current) setState({ status: 'done', result });
    } catch (error) {
      if (mounted.current) setState({ status: 'error', error });
    }
  }, [services, mailbox, language]);

  useEffect(() => {
    mounted.current = true;
    if (auto && localSweepSchedule(mailbox).due(new Date())) void run();
    return () => {
      mounted.current = false;
    };
    // Once per mailbox shown, not on every language switch.
  }, [auto, mailbox]);

  return (
    <section className={styles.root} aria-labelledby="chefsache-sweep-heading">
      <Text as="h3" weight="semibold" id="chefsache-sweep-heading">
        {t('outlook.sweep.heading')}
      </Text>
      <Text>{t(auto ? 'outlook.sweep.explainAuto' : 'outlook.sweep.explain')}</Text>
      <Button appearance="secondary" onClick={() => void run()} disabled={state.status === 'running'}>
        {t('outlook.sweep.run')}
      </Button>
      {state.status === 'running' && (
        <Field
          className={styles.progress}
          label={state.total === undefined ? t('outlook.sweep.running') : t('outlook.sweep.progress', { done: state.done, total: state.total })}
          validationState="none"
        >
          <ProgressBar value={state.total ? state.done / state.total : undefined} max={1} />
        </Field>
      )}
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
