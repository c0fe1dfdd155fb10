import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { PermissionStatus } from '../../features/dashboard/loadDashboard';
import type { RecordLabelStatus } from '../../features/evidence/recordLabel';
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

/** The optional record label: configured or not, and how many accepted or signed files carry it. */
export function RecordLabelStatusLine({ status }: { status: RecordLabelStatus }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('setup.recordLabel.heading')}>
      <Text weight="semibold">{t('setup.recordLabel.heading')}: </Text>
      <Text>{status.configured ? t('setup.recordLabel.coverage', { name: status.name, labelled: status.labelled, total: status.total }) : t('setup.recordLabel.none')}</Text>
      {status.configured && status.unchecked && <Text> {t('setup.recordLabel.unchecked', { reason: status.unchecked })}</Text>}
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
