import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { PermissionStatus } from '../../features/dashboard/loadDashboard';
import { useI18n } from '../../i18n';

/** Setup has not chosen the role groups on this site: nobody has a role, and who can change that. */
export function NotSetUp({ siteUrl }: { siteUrl: string | undefined }) {
  const { t } = useI18n();
  const site = siteUrl ?? '—';
  return (
    <MessageBar layout="multiline" intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{t('setup.notSetUp.title')}</MessageBarTitle>
        {t('setup.notSetUp.body', { site })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The drift check's verdict in one line (the alarms carry the details). */
export function PermissionStatusLine({ status }: { status: PermissionStatus }) {
  const { t } = useI18n();
  const text =
    status.state === 'ok' ? t('setup.permissions.ok', { lists: status.listsChecked }) : status.state === 'drift' ? t('setup.permissions.drift') : t('setup.permissions.unchecked');
  return (
    <section aria-label={t('setup.permissions.heading')}>
      <Text weight="semibold">{t('setup.permissions.heading')}: </Text>
      <Text data-permissions={status.state}>{text}</Text>
    </section>
  );
}

/** The tab sits in a team whose site is not the evidence site: it explains where Chefsache belongs and does nothing here. */
export function OtherTeam({ here, configured }: { here: string; configured: string }) {
  const { t } = useI18n();
  return (
    <MessageBar layout="multiline" intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{t('setup.otherSite.title')}</MessageBarTitle>
        {t('setup.otherSite.body', { here, configured })}
      </MessageBarBody>
    </MessageBar>
  );
}
