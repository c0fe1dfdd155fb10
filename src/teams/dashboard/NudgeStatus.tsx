import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { NudgeReport } from '../../features/dashboard/loadDashboard';
import { useI18n, type TranslationKey } from '../../i18n';

const KINDS = ['policyStale', 'reviewNotBooked', 'minutesAwaitingSignature', 'evidenceAwaitingReview', 'staffNotAcknowledged'];

/** What the nudges sent when this dashboard opened: who was notified in Teams, and what failed (never silent). */
export function NudgeStatus({ report }: { report: NudgeReport }) {
  const { t } = useI18n();
  const kind = (k: string) => t((KINDS.includes(k) ? `nudges.kinds.${k}` : 'nudges.kinds.other') as TranslationKey);
  const line = (entries: { kind: string; to: string }[]) => entries.map((e) => (e.to === '*' ? kind(e.kind) : `${e.to} (${kind(e.kind)})`)).join(', ');
  return (
    <>
      {report.notSetUp && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('nudges.notSetUp')}</MessageBarBody>
        </MessageBar>
      )}
      {report.sent.length > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('nudges.sent', { list: line(report.sent) })}</MessageBarBody>
        </MessageBar>
      )}
      {report.failed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('nudges.failed', { list: report.failed.map((f) => `${line([f])}: ${f.reason}`).join('; ') })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
