import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RecordLabelOutcome } from '../../features/evidence/recordLabel';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { evidenceSiteUrl } from '../../features/evidence/openEvidenceStore';
import { toAgendaActions } from '../../features/reviews/actionItems';
import type { Attendee } from '../../features/reviews/booking';
import { emptyMinutes } from '../../features/reviews/minutes';
import { createReviewsService, type ReviewsOverview, type ReviewsService } from '../../features/reviews/reviewsService';
import { useI18n } from '../../i18n';
import { ErrorPanel } from '../../ui';
import type { SectionProps } from '../sections';
import { BookingForm } from './BookingForm';
import { MinutesEditor } from './MinutesEditor';
import { OccurrenceList } from './OccurrenceList';
import { OpenActions } from './OpenActions';
import { ReviewFeedback } from './ReviewFeedback';
import { SeriesCard } from './SeriesCard';

/** How often attendance reports and transcripts are looked for while the tab is open. */
const REFRESH_MS = 5 * 60_000;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function peopleOf(overview: ReviewsOverview): Attendee[] {
  const all = [...overview.people.topManagement, ...overview.people.isb, ...(overview.series?.value.attendees ?? [])];
  return [...new Map(all.map((a) => [a.upn.toLowerCase(), a])).values()];
}

function appUrl(): string {
  if (typeof location === 'undefined') return 'https://localhost/teams/?view=reviews';
  const url = new URL(location.href);
  url.searchParams.set('view', 'reviews');
  return url.toString();
}

/** The Teams tab section "Managementbewertung". */
export function ReviewsSection({ services, profile, host, config }: SectionProps) {
  const { t } = useI18n();
  const siteUrl = evidenceSiteUrl(config, host);
  const service = useMemo<ReviewsService | null>(
    () => (siteUrl ? createReviewsService({ graph: services.graph, evidence: services.evidence, siteUrl, appUrl: appUrl(), companyName: profile.organization.displayName }) : null),
    [services, siteUrl, profile.organization.displayName],
  );
  if (!service) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('reviews.noSite')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ReviewsView service={service} search={(text) => services.graph.users.search(text)} />;
}

function ReviewsView({ service, search }: { service: ReviewsService; search: (text: string) => ReturnType<SectionProps['services']['graph']['users']['search']> }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  // The last overview stays on screen while a newer one loads, so open forms keep their input.
  const [state, setState] = useState<{ overview?: ReviewsOverview; error?: unknown }>({});
  const [editing, setEditing] = useState(false);
  const [openMinutes, setOpenMinutes] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [backgroundError, setBackgroundError] = useState<unknown>(undefined);
  const [signedLabel, setSignedLabel] = useState<RecordLabelOutcome | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const overview = await service.overview();
      setState({ overview });
    } catch (error) {
      setState((current) => ({ ...current, error }));
    }
  }, [service]);

  useEffect(() => {
    let active = true;
    const refresh = async () => {
      setRefreshing(true);
      try {
        await service.captureArtifacts();
        await service.syncActions();
        await service.refreshAgenda();
        if (active) setBackgroundError(undefined);
      } catch (error) {
        if (active) setBackgroundError(error);
      } finally {
        if (active) {
          setRefreshing(false);
          await reload();
        }
      }
    };
    void reload().then(refresh);
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [service, reload]);

  if (!state.overview && state.error !== undefined) return <ErrorPanel error={state.error} onRetry={() => void reload()} />;
  if (!state.overview) return <Spinner label={t('reviews.loading')} />;
  const overview = state.overview;
  const people = peopleOf(overview);
  const required = [...new Map([...overview.people.topManagement, ...overview.people.isb].map((a) => [a.upn.toLowerCase(), a])).values()];
  const series = overview.series?.value;
  const topUpns = new Set(overview.people.topManagement.map((p) => p.upn.toLowerCase()));
  const minutesOpen = openMinutes ? (overview.minutes[openMinutes]?.value ?? emptyMinutes(openMinutes)) : null;
  const trackingFor = (item: { id: string; from: string }) => overview.minutes[item.from]?.value.tracking[item.id];

  return (
    <section className={styles.page} aria-label={t('reviews.title')}>
      <Text as="h1" size={600} weight="semibold">
        {t('reviews.title')}
      </Text>
      <Text>{t('reviews.intro')}</Text>
      {refreshing && <Spinner size="tiny" label={t('reviews.refreshing')} />}
      <ReviewFeedback error={backgroundError} />
      {state.error !== undefined && <ErrorPanel error={state.error} onRetry={() => void reload()} />}

      {!series || editing ? (
        <BookingForm
          mode={series ? 'reschedule' : 'book'}
          required={required}
          initial={series ? { firstDate: series.firstDate, time: series.time, timeZone: series.timeZone, durationMinutes: series.durationMinutes, attendees: series.attendees, end: series.end } : undefined}
          search={search}
          onSubmit={async (request) => {
            if (series) await service.reschedule(request);
            else await service.book(request);
            setEditing(false);
            await reload();
          }}
          {...(series ? { onCancel: () => setEditing(false) } : {})}
        />
      ) : (
        <SeriesCard
          series={series}
          upcoming={overview.upcoming}
          openActions={toAgendaActions(overview.openActions)}
          isOrganizer={overview.isOrganizer}
          onReschedule={() => setEditing(true)}
          onCancel={async (comment) => {
            await service.cancel(comment);
            await reload();
          }}
        />
      )}

      <Text as="h2" size={500} weight="semibold">
        {t('reviews.actions.heading')}
      </Text>
      <OpenActions items={overview.openActions} tracking={trackingFor} />

      <Text as="h2" size={500} weight="semibold">
        {t('reviews.occurrences.heading')}
      </Text>
      <OccurrenceList past={overview.past} artifacts={overview.artifacts} minutes={overview.minutes} topManagementUpns={topUpns} maySign={overview.maySign} onOpenMinutes={setOpenMinutes} />

      {signedLabel?.state === 'applied' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('reviews.labelApplied', { name: signedLabel.name })}</MessageBarBody>
        </MessageBar>
      )}
      {signedLabel?.state === 'notApplied' && (
        <MessageBar layout="multiline" intent="warning" role="alert">
          <MessageBarBody>{t('reviews.labelNotApplied', { name: signedLabel.name, reason: signedLabel.reason })}</MessageBarBody>
        </MessageBar>
      )}

      {minutesOpen && (
        <MinutesEditor
          key={`${minutesOpen.occurrenceStart}/v${minutesOpen.version}`}
          minutes={minutesOpen}
          people={people}
          maySign={overview.maySign}
          mayEdit={overview.mayEdit}
          {...(overview.signatureChecks[minutesOpen.occurrenceStart] ? { signatureCheck: overview.signatureChecks[minutesOpen.occurrenceStart] } : {})}
          onSave={async (change) => {
            await service.saveMinutes(minutesOpen.occurrenceStart, change, overview.minutes[minutesOpen.occurrenceStart]?.etag ?? null);
            await reload();
          }}
          onSign={async () => {
            // Also after a failure: a change saved while signing shows up in the editor.
            const signed = await service.sign(minutesOpen.occurrenceStart, language).finally(reload);
            setSignedLabel(signed.recordLabel);
          }}
          loadTranscript={() => service.transcript(minutesOpen.occurrenceStart)}
          onClose={() => setOpenMinutes(null)}
        />
      )}
    </section>
  );
}
