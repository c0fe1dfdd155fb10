import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { SignInStatus, type PageComponent, type ShellSession } from '../ui';

/** The Outlook task pane. Outside Outlook it says where it belongs and shows the sign-in status. */
export const TaskPanePage: PageComponent = ({ session, host }) => (
  <TaskPaneContent session={session} insideOutlook={host.kind === 'outlook'} />
);

const useStyles = makeStyles({ heading: { margin: 0 } });

function TaskPaneContent({ session, insideOutlook }: { session: ShellSession; insideOutlook: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
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
      <SignInStatus session={session} />
    </>
  );
}
