import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n';
import { ON_SEND_ACTION_ID } from '../outlook/onSend';
import { TaskPanePage } from '../outlook/TaskPanePage';
import { ErrorPanel, type PageComponent } from '../ui';
import { BodyEditor } from './BodyEditor';
import { splitAddresses, type ComposeDraft, type DraftState } from './composeDraft';
import { directoryResolver } from './directoryResolver';
import type { MailboxUser, OfficeStandIn, ResolvedRecipient } from './officeStandIn';
import { sendAsOutlook } from './outlookSend';

const useStyles = makeStyles({
  window: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 22rem', gap: tokens.spacingHorizontalL, alignItems: 'start', '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  compose: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pane: { minWidth: 0, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface DevOutlookWiring {
  draft: ComposeDraft;
  standIn: OfficeStandIn;
  /** How the stand-in resolves recipients (set once a demo user is signed in). */
  setResolver(resolve: (address: string) => Promise<ResolvedRecipient>): void;
}

type SendState = { state: 'idle' } | { state: 'sending' } | { state: 'sent'; subject: string } | { state: 'blocked'; message: string } | { state: 'failed'; error: unknown };

/** The development compose page: a compose window on the left, Chefsache's real task pane on the right. */
export function createDevOutlookPage({ draft, standIn, setResolver }: DevOutlookWiring): PageComponent {
  return function DevOutlookPage({ session, host, config }) {
    const { t } = useI18n();
    const styles = useStyles();
    const state = useSyncExternalStore(draft.subscribe, draft.get);
    const [user, setUser] = useState<MailboxUser | undefined>();
    const [send, setSend] = useState<SendState>({ state: 'idle' });
    const [generation, setGeneration] = useState(0);
    const emulatorUrl = config.auth === 'emulator' ? config.emulatorUrl : undefined;

    useEffect(() => {
      let current = true;
      standIn.setUser(undefined);
      setUser(undefined);
      if (session.state !== 'ready') return undefined;
      session.services
        .me()
        .then((me) => {
          if (!current) return;
          const mailbox = { displayName: me.displayName, emailAddress: me.mail ?? me.userPrincipalName };
          standIn.setUser(mailbox);
          setResolver(directoryResolver(session.services.graph, mailbox.emailAddress.split('@')[1] ?? ''));
          setUser(mailbox);
        })
        .catch((error: unknown) => current && setSend({ state: 'failed', error }));
      return () => {
        current = false;
      };
    }, [session]);

    const edit = (field: 'to' | 'cc' | 'subject') => (_: unknown, data: { value: string }) => draft.update((s: DraftState) => ({ ...s, [field]: data.value }));

    const onSend = async () => {
      if (!user || !emulatorUrl) return;
      const current = draft.get();
      if (splitAddresses(current.to).length + splitAddresses(current.cc).length === 0) return setSend({ state: 'blocked', message: t('outlook.dev.noRecipients') });
      setSend({ state: 'sending' });
      try {
        const decision = await standIn.send(ON_SEND_ACTION_ID);
        if (!decision.allowEvent) return setSend({ state: 'blocked', message: t('outlook.dev.blocked', { message: decision.errorMessage ?? '' }) });
        const sent = draft.get();
        await sendAsOutlook(sent, { emulatorUrl, sender: user.emailAddress });
        draft.reset();
        setGeneration((g) => g + 1);
        setSend({ state: 'sent', subject: sent.subject });
      } catch (error) {
        setSend({ state: 'failed', error });
      }
    };

    return (
      <div className={styles.window}>
        <section className={styles.compose} aria-labelledby="dev-compose-heading">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('outlook.dev.noticeTitle')}</MessageBarTitle>
              {t('outlook.dev.noticeBody')}
            </MessageBarBody>
          </MessageBar>
          <Text as="h2" size={500} weight="semibold" id="dev-compose-heading">
            {t('outlook.dev.heading')}
          </Text>
          {!emulatorUrl && <ErrorPanel error={new Error(t('outlook.dev.emulatorOnly'))} />}
          {emulatorUrl && !user && <Text>{t('outlook.dev.signInFirst')}</Text>}
          <Field label={t('outlook.dev.to')}>
            <Input value={state.to} onChange={edit('to')} type="text" />
          </Field>
          <Field label={t('outlook.dev.cc')}>
            <Input value={state.cc} onChange={edit('cc')} type="text" />
          </Field>
          <Field label={t('outlook.dev.subject')}>
            <Input value={state.subject} onChange={edit('subject')} />
          </Field>
          <BodyEditor key={generation} draft={draft} label={t('outlook.dev.body')} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!user || !emulatorUrl || send.state === 'sending'} onClick={() => void onSend()}>
              {send.state === 'sending' ? t('outlook.dev.sending') : t('outlook.dev.send')}
            </Button>
          </div>
          {send.state === 'sent' && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t('outlook.dev.sent', { subject: send.subject })}</MessageBarBody>
            </MessageBar>
          )}
          {send.state === 'blocked' && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{send.message}</MessageBarBody>
            </MessageBar>
          )}
          {send.state === 'failed' && <ErrorPanel error={send.error} />}
        </section>
        <aside className={styles.pane} aria-label={t('outlook.dev.pane')}>
          {/* Mounted once the mailbox owner is known (Outlook always has one); a new message remounts it. */}
          {user && <TaskPanePage key={`${generation}:${user.emailAddress}`} session={session} host={host} config={config} />}
        </aside>
      </div>
    );
  };
}
