import { Link, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { AppConfig } from '../config';
import type { HostInfo } from '../host';
import { useI18n } from '../i18n';
import { OutboxStatus } from '../features/evidence/OutboxNotice';
import { SignInStatus, type AppServices, type PageComponent, type Profile } from '../ui';
import { resolveEvidenceSite } from '../features/evidence/openEvidenceStore';
import { sectionFor, TAB_SECTIONS } from './sections';
import { OtherTeam } from './setup/SetupNotices';

/**
 * The Teams tab: who is signed in, the company, what waits in the evidence outbox (retried here by
 * itself), and the tab's sections (`?view=` picks one).
 */
export const TabPage: PageComponent = ({ session, host, config }) => {
  const { t } = useI18n();
  return (
    <>
      {host.teamSiteUrl && (
        <Text size={200}>
          <Link href={host.teamSiteUrl} target="_blank" rel="noreferrer">
            {t('teams.teamSite', { url: host.teamSiteUrl })}
          </Link>
        </Text>
      )}
      <SignInStatus session={session}>
        {(profile) => {
          if (session.state !== 'ready') return null;
          // No silent second store: in a team whose site is not the evidence site the tab only explains.
          const site = resolveEvidenceSite(config, host);
          if (site.kind === 'otherTeam') return <OtherTeam here={site.here} configured={site.configured} />;
          return <Sections services={session.services} profile={profile} host={host} config={config} />;
        }}
      </SignInStatus>
    </>
  );
};

function initialView(): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('view');
}

function Sections(props: { services: AppServices; profile: Profile; host: HostInfo; config: AppConfig }) {
  const { t } = useI18n();
  // A Teams deep link (e.g. a nudge) names its section as subEntityId; a plain URL as `?view=`.
  const [current, setCurrent] = useState(() => sectionFor(props.host.subPageId ?? initialView()).id);
  const section = sectionFor(current);
  return (
    <>
      <OutboxStatus store={props.services.evidence} intervalMs={props.config.outboxRetryMs} />
      {TAB_SECTIONS.length > 1 && (
        <TabList
          aria-label={t('teams.sections')}
          selectedValue={section.id}
          onTabSelect={(_, data) => setCurrent(String(data.value))}
        >
          {TAB_SECTIONS.map((s) => (
            <Tab key={s.id} value={s.id}>
              {t(s.label)}
            </Tab>
          ))}
        </TabList>
      )}
      <section aria-label={t(section.label)}>
        <Suspense fallback={<Spinner label={t('teams.loadingSection')} />}>{section.render(props)}</Suspense>
      </section>
    </>
  );
}
