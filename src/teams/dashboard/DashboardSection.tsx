import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import type { Alarm, FirstStepId } from '../../domain';
import { minutesSignatureChecks } from '../../features/reviews/minutesChecks';
import { loadDashboard } from '../../features/dashboard/loadDashboard';
import { evidenceSiteUrl } from '../../features/evidence/openEvidenceStore';
import { useI18n } from '../../i18n';
import { ErrorPanel, useAsync } from '../../ui';
import type { SectionProps } from '../sections';
import { sectionHref } from '../sectionLinks';
import { AlarmList } from './AlarmList';
import { DashboardView } from './DashboardView';
import { SweepPanel } from '../../outlook/SweepPanel';
import { checkPermissions } from '../../features/setup/permissionCheck';
import { NotSetUp, PermissionStatusLine, RecordLabelStatusLine } from '../setup/SetupNotices';
import { dashboardNudges } from '../../features/nudges';
import { NudgeStatus } from './NudgeStatus';
import { loadAcknowledgementStatus } from '../../features/acknowledgements/acknowledgementService';
import { AcknowledgementCard } from '../acknowledgements/AcknowledgementCard';
import { StaffView } from '../acknowledgements/StaffView';

function firstStepLinks(hasReviews: boolean, language: 'de' | 'en'): Record<FirstStepId, string> {
  const subject = language === 'de' ? 'Informationssicherheit ist Chefsache' : 'Information security is a management matter';
  return {
    bookReview: hasReviews ? sectionHref('reviews') : 'https://outlook.office.com/calendar/deeplink/compose?subject=Management-Review',
    checkPolicy: sectionHref('evidence', { upload: 'securityPolicy' }),
    sendMessage: `https://outlook.office.com/mail/deeplink/compose?subject=${encodeURIComponent(subject)}`,
  };
}

/** The evidence list is gone: the readiness cannot be evaluated, only the critical alarm is shown. */
function StoreLost({ alarm }: { alarm: Alarm }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold">
        {t('dashboard.alarms.heading')}
      </Text>
      <AlarmList alarms={[alarm]} headingId={headingId} />
    </section>
  );
}

/** The readiness dashboard (personal tab and team tab). */
export function DashboardSection({ services, config, host, profile, sectionIds }: SectionProps & { sectionIds: readonly string[] }) {
  const { t, language } = useI18n();
  const store = services.evidence;
  const siteUrl = evidenceSiteUrl(config, host);
  const load = useCallback(
    () =>
      loadDashboard(
        services.graph,
        store,
        // The drift check runs on every open: SharePoint's role assignments, inheritance and versioning of each list.
        siteUrl
          ? {
              siteUrl,
              permissionCheck: async () => checkPermissions(await services.sharePoint(siteUrl)),
              // Signed minutes changed behind the app (reviews list) raise an auditor alarm.
              minutesChecks: () => minutesSignatureChecks(services.graph, siteUrl),
              // Nudges: whoever opens the dashboard notifies the people who can fix a critical alarm, in Teams.
              nudges: dashboardNudges({ graph: services.graph, siteUrl, appUrl: location.origin, lang: language, ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}) }),
              // Staff acknowledgement (issue 15): below 80 % after 30 days, or a changed policy nobody re-acknowledged.
              moreAlarms: async (evidence, roleGroups, trust) => (await loadAcknowledgementStatus(services.graph, evidence, siteUrl, roleGroups, new Date(), trust))?.status?.alarms ?? [],
            }
          : {},
      ),
    [services, store, siteUrl, language, config.teamsAppId],
  );
  const state = useAsync(load);
  if (state.status === 'loading' || state.status === 'idle') return <Spinner label={t('dashboard.loading')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={state.retry} />;
  if (!state.data.visible) {
    const fallback = !state.data.access.configured ? (
      <NotSetUp siteUrl={siteUrl} />
    ) : (
      <MessageBar layout="multiline" intent="info">
        <MessageBarBody>{t('panel.noAccess')}</MessageBarBody>
      </MessageBar>
    );
    // Staff see the policy and objectives published for acknowledgement instead of "no access" (issue 15).
    return siteUrl ? <StaffView services={services} siteUrl={siteUrl} fallback={fallback} /> : fallback;
  }
  if (state.data.storeLost) return <StoreLost alarm={state.data.storeLost} />;
  return (
    <>
      {state.data.permissions && <PermissionStatusLine status={state.data.permissions} />}
      {state.data.nudges && <NudgeStatus report={state.data.nudges} />}
      {state.data.recordLabel && <RecordLabelStatusLine status={state.data.recordLabel} />}
      <DashboardView model={state.data.model} peopleIncomplete={state.data.peopleIncomplete} reviewWarning={state.data.reviewWarning} links={firstStepLinks(sectionIds.includes('reviews'), language)} />
      {siteUrl && (
        <AcknowledgementCard
          services={services}
          siteUrl={siteUrl}
          roleGroups={state.data.access.roleGroups}
          me={state.data.access.person}
          mayPublish={state.data.access.permissions.mayCapture}
        />
      )}
      {/* Top management's mails from other clients are captured when they open their dashboard (at most every 15 minutes). */}
      {state.data.access.roles.includes('topManagement') && <SweepPanel services={services} mailbox={profile.user.userPrincipalName} auto />}
    </>
  );
}
