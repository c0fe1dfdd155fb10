import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AppConfig } from '../config';
import { useI18n } from '../i18n';
import type { AppServices } from '../ui';
import { SweepPanel } from './SweepPanel';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Where the development compose page is, pointed at the emulator this page uses. */
export function devOutlookUrl(search: string): string {
  const emulator = new URLSearchParams(search).get('emulator');
  return emulator ? `/dev/outlook.html?${new URLSearchParams({ emulator }).toString()}` : '/dev/outlook.html';
}

/**
 * The Teams tab's Outlook section: the Sent Items sweep, and on the dev server with the local
 * emulator a link to "Outlook without Outlook" (/dev/outlook.html), where the add-in can be tried.
 */
export function OutlookEvidenceSection({ services, mailbox, config }: { services: AppServices; mailbox: string; config: AppConfig }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {config.devPages && <Link href={devOutlookUrl(typeof location === 'undefined' ? '' : location.search)}>{t('outlook.dev.tabLink')}</Link>}
      <SweepPanel services={services} mailbox={mailbox} auto />
    </div>
  );
}
