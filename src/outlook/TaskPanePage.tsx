import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { OutboxStatus } from '../features/evidence/OutboxNotice';
import { useI18n } from '../i18n';
import { SignInStatus, type PageComponent, type ShellSession } from '../ui';
import { ComposePane } from './ComposePane';
import { insertHtmlAtCursor, officeComposeMail, officeMasterCategories } from './officeCompose';
import { ReadPane } from './ReadPane';
import { SweepPanel } from './SweepPanel';

/**
 * The Outlook task pane. Outside Outlook it says where it belongs and shows the sign-in status.
 * Signed in, it shows the evidence outbox and retries it by itself (start, reconnect, every two minutes).
 */
export const TaskPanePage: PageComponent = ({ session, host, config }) => (
  <TaskPaneContent session={session} insideOutlook={host.kind === 'outlook'} retryIntervalMs={config.outboxRetryMs} />
);

const useStyles = makeStyles({ heading: { margin: 0 }, stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

/** The compose item when the pane runs next to a mail being written (internetHeaders exist only there). */
function officeCompose() {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const mailbox = office?.context?.mailbox;
  const item = mailbox?.item as Office.MessageCompose | undefined;
  if (!mailbox || !item || !('internetHeaders' in item) || typeof item.internetHeaders?.setAsync !== 'function') return undefined;
  return {
    mail: officeComposeMail(item),
    master: officeMasterCategories(mailbox),
    insertHtml: (html: string) => insertHtmlAtCursor(item, html),
    mailbox: mailbox.userProfile?.emailAddress ?? '',
  };
}

/** The open mail's Graph id when the pane runs next to a mail being read. */
function officeReadItemId(): string | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const mailbox = office?.context?.mailbox;
  const item = mailbox?.item as Office.MessageRead | undefined;
  if (!mailbox || !item || typeof item.itemId !== 'string' || item.itemId === '') return undefined;
  return mailbox.convertToRestId(item.itemId, 'v2.0' as Office.MailboxEnums.RestVersion);
}

function TaskPaneContent({ session, insideOutlook, retryIntervalMs }: { session: ShellSession; insideOutlook: boolean; retryIntervalMs: number | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  const compose = useMemo(() => (insideOutlook ? officeCompose() : undefined), [insideOutlook]);
  const readItemId = useMemo(() => (insideOutlook && !compose ? officeReadItemId() : undefined), [insideOutlook, compose]);
  return (
    <div className={styles.stack}>
      <Text as="h2" size={500} weight="semibold" className={styles.heading}>
        {t('outlook.heading')}
      </Text>
      {insideOutlook ? (
        <Text>{t('outlook.host')}</Text>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('outlook.standaloneTitle')}</MessageBarTitle>
            {t('outlook.standaloneBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {session.state === 'ready' && <OutboxStatus store={session.services.evidence} intervalMs={retryIntervalMs} />}
      {compose && <ComposePane mail={compose.mail} master={compose.master} insertHtml={compose.insertHtml} newCaptureId={() => globalThis.crypto.randomUUID()} />}
      {readItemId && session.state === 'ready' && <ReadPane services={session.services} messageId={readItemId} />}
      {insideOutlook && session.state === 'ready' && <SweepPanel services={session.services} mailbox={compose?.mailbox ?? session.key} auto />}
      <SignInStatus session={session} />
    </div>
  );
}
