import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RoleGroups } from '../../domain';
import { resolveEvidenceSite } from '../../features/evidence/openEvidenceStore';
import { runSetup, type SetupResult } from '../../features/setup/runSetup';
import { readSettings } from '../../features/setup/settingsStore';
import { describeStep } from '../../features/setup/setupPlan';
import { GraphForbiddenError, type DirectoryGroup } from '../../graph';
import { translateMessage, useI18n } from '../../i18n';
import { describeError } from '../../ui';
import type { SectionProps } from '../sections';
import { GroupChooser } from './GroupChooser';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Key = keyof RoleGroups;
const KEYS: Key[] = ['topManagement', 'isb', 'auditors', 'allStaff'];

type Outcome = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: SetupResult } | { status: 'error'; message: string; notOwner: boolean };

/** Setup for site owners: choose the role groups (stored by object id) and let SharePoint enforce their rights. */
export function SetupSection({ services, profile, config, host }: SectionProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const site = resolveEvidenceSite(config, host);
  const siteUrl = site.kind === 'site' ? site.url : undefined;
  const [groups, setGroups] = useState<Partial<Record<Key, DirectoryGroup>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const [recordLabel, setRecordLabel] = useState('');

  // What setup stored before (object ids), shown with the groups' current names.
  useEffect(() => {
    if (!siteUrl) return;
    let current = true;
    void readSettings(services.graph, siteUrl)
      .then(async (settings) => {
        if (current && settings.recordLabel) setRecordLabel(settings.recordLabel.name);
        if (!settings.roles) return;
        const entries = await Promise.all(
          (Object.entries(settings.roles) as [Key, string | undefined][]).filter((e): e is [Key, string] => !!e[1]).map(async ([k, id]) => [k, await services.graph.groups.get(id)] as const),
        );
        if (current) setGroups(Object.fromEntries(entries));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services, siteUrl]);

  if (!siteUrl) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('setup.section.noSite')}</MessageBarBody>
      </MessageBar>
    );
  }
  const complete = groups.topManagement && groups.isb && groups.auditors;
  const start = async (dryRun: boolean) => {
    if (!complete) return;
    setOutcome({ status: 'running' });
    try {
      const chosen: RoleGroups = { topManagement: groups.topManagement!.id, isb: groups.isb!.id, auditors: groups.auditors!.id, ...(groups.allStaff ? { allStaff: groups.allStaff.id } : {}) };
      const result = await runSetup(services.graph, await services.sharePoint(siteUrl), {
        siteUrl,
        groups: chosen,
        setupBy: profile.user.userPrincipalName,
        dryRun,
        ...(recordLabel.trim() ? { recordLabel: recordLabel.trim() } : {}),
      });
      setOutcome({ status: 'done', result });
    } catch (error) {
      setOutcome({ status: 'error', message: describeError(error, language)?.message ?? '', notOwner: error instanceof GraphForbiddenError });
    }
  };

  return (
    <div className={styles.root}>
      <Text as="h2" size={500} weight="semibold">
        {t('setup.section.title')}
      </Text>
      <Text>{t('setup.section.intro', { site: siteUrl })}</Text>
      {KEYS.map((key) => (
        <GroupChooser
          key={key}
          label={t(`setup.section.${key}`)}
          value={groups[key]}
          search={(text) => services.graph.groups.search(text)}
          onChange={(group) => setGroups((g) => ({ ...g, [key]: group }))}
        />
      ))}
      <Field label={t('setup.section.recordLabel')} hint={t('setup.section.recordLabelHint')}>
        <Input value={recordLabel} onChange={(_, data) => setRecordLabel(data.value)} />
      </Field>
      {!complete && <Text>{t('setup.section.missingGroups')}</Text>}
      <div className={styles.actions}>
        <Button disabled={!complete || outcome.status === 'running'} onClick={() => void start(true)}>
          {t('setup.section.plan')}
        </Button>
        <Button appearance="primary" disabled={!complete || outcome.status === 'running'} onClick={() => void start(false)}>
          {t('setup.section.run')}
        </Button>
      </div>
      {outcome.status === 'running' && <Spinner label={t('setup.section.running')} />}
      {outcome.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{outcome.notOwner ? t('setup.section.notOwner', { message: outcome.message }) : t('setup.section.failed', { message: outcome.message })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.status === 'done' && (
        <section aria-live="polite">
          <Text weight="semibold">
            {!outcome.result.changed
              ? t('setup.section.nothingToDo')
              : t(outcome.result.dryRun ? 'setup.section.planned' : 'setup.section.done', { count: outcome.result.steps.length })}
          </Text>
          <ul>
            {outcome.result.steps.map((step, i) => (
              <li key={i}>{translateMessage(t, describeStep(step))}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
