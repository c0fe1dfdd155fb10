import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Alarm } from '../../domain';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
});

/** What an auditor would flag today, each with the fix in words. */
export function AlarmList({ alarms, headingId }: { alarms: readonly Alarm[]; headingId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (alarms.length === 0) {
    return (
      <MessageBar layout="multiline" intent="success" aria-labelledby={headingId}>
        <MessageBarBody>{t('dashboard.alarms.none')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <ul className={styles.list} aria-labelledby={headingId}>
      {alarms.map((alarm) => (
        <li key={`${alarm.id}-${alarm.itemIds.join(',')}`} data-alarm={alarm.id}>
          <MessageBar intent={alarm.severity === 'critical' ? 'error' : 'warning'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(alarm.severity === 'critical' ? 'dashboard.alarms.critical' : 'dashboard.alarms.warning')}</MessageBarTitle>
              <Text block>{t(alarm.message.key, alarm.message.values)}</Text>
              <Text block weight="semibold">
                {t('dashboard.alarms.fix', { fix: alarm.fix })}
              </Text>
            </MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
