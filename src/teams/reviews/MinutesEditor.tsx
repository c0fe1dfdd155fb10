import { Button, Card, Field, Input, Link, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { REVIEW_INPUTS } from '../../domain';
import { useI18n } from '../../i18n';
import type { Attendee } from '../../features/reviews/booking';
import { INPUT_KEYS, minutesStatus, type ActionItem, type Decision, type InputKey, type Minutes, type MinutesChange, type Participant, type Passage } from '../../features/reviews/minutes';
import type { SignatureCheck } from '../../features/reviews/reviewsService';
import { formatDateTime } from './format';
import { SignatureCheckNotice } from './SignatureCheckNotice';
import { ReviewFeedback } from './ReviewFeedback';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '860px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  quote: { fontStyle: 'italic' },
});

export interface MinutesEditorProps {
  minutes: Minutes;
  people: readonly Attendee[];
  maySign: boolean;
  /** Top management and the ISB edit; others read. */
  mayEdit?: boolean;
  /** The latest signature checked against the signature records. */
  signatureCheck?: SignatureCheck;
  onSave: (change: MinutesChange) => Promise<void>;
  onSign: () => Promise<void>;
  loadTranscript: () => Promise<Passage[] | undefined>;
  onClose: () => void;
}

type Target = `input:${InputKey}` | `decision:${number}`;

let nextActionId = 0;
const newActionId = () => `${Date.now().toString(36)}-${(nextActionId++).toString(36)}`;

/** Minutes of one occurrence, structured by 9.3; transcript passages attach to inputs and decisions. */
export function MinutesEditor({ minutes, people, maySign, mayEdit = true, signatureCheck, onSave, onSign, loadTranscript, onClose }: MinutesEditorProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [participants, setParticipants] = useState<Participant[]>(minutes.participants);
  const [inputs, setInputs] = useState(minutes.inputs);
  const [inputPassages, setInputPassages] = useState(minutes.inputPassages);
  const [decisions, setDecisions] = useState<Decision[]>(minutes.decisions);
  const [actions, setActions] = useState<ActionItem[]>(minutes.actions);
  const [newParticipant, setNewParticipant] = useState('');
  const [transcript, setTranscript] = useState<Passage[] | null | undefined>(undefined);
  const [targets, setTargets] = useState<Record<number, Target>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const signed = minutesStatus(minutes) === 'signed';
  const date = formatDateTime(minutes.occurrenceStart, language);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const attach = (passage: Passage, target: Target) => {
    if (target.startsWith('input:')) {
      const key = target.slice(6) as InputKey;
      setInputPassages({ ...inputPassages, [key]: [...(inputPassages[key] ?? []), passage] });
    } else {
      const index = Number(target.slice(9));
      setDecisions(decisions.map((d, i) => (i === index ? { ...d, passages: [...d.passages, passage] } : d)));
    }
  };

  const ownerOptions: readonly Attendee[] = people.length > 0 ? people : participants.filter((p) => p.upn).map((p) => ({ upn: p.upn!, displayName: p.displayName, lang: 'de' as const }));

  return (
    <Card className={styles.card} aria-label={t('reviews.minutes.heading', { date })}>
      <Text as="h2" size={500} weight="semibold">
        {t('reviews.minutes.heading', { date })}
      </Text>
      <Text>{t('reviews.minutes.version', { version: minutes.version })}</Text>
      {signed && minutes.signature && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <div>{t('reviews.minutes.signedBy', { name: minutes.signature.by.displayName, date: formatDateTime(minutes.signature.at, language) })}</div>
            <div>{t('reviews.minutes.hash', { hash: minutes.signature.sha256 })}</div>
            {minutes.signature.evidenceDigest && (
              <div>{t('reviews.minutes.digest', { count: minutes.signature.evidenceCount ?? 0, digest: minutes.signature.evidenceDigest })}</div>
            )}
            {minutes.signature.pdfUrl && (
              <Link href={minutes.signature.pdfUrl} target="_blank" rel="noreferrer">
                {t('reviews.minutes.pdf')}
              </Link>
            )}
            <div>{t('reviews.minutes.lockedHint', { version: minutes.version + 1 })}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      {signatureCheck && <SignatureCheckNotice check={signatureCheck} currentVersion={minutes.version} />}

      <Text as="h3" weight="semibold">
        {t('reviews.minutes.participants')}
      </Text>
      <ul aria-label={t('reviews.minutes.participants')}>
        {participants.map((p, i) => (
          <li key={`${p.displayName}-${i}`}>
            {p.displayName}
            {p.attendedSeconds !== undefined ? ` (${Math.round(p.attendedSeconds / 60)} min)` : ''}{' '}
            <Button size="small" appearance="subtle" aria-label={`${t('reviews.minutes.removeItem')}: ${p.displayName}`} onClick={() => setParticipants(participants.filter((_, j) => j !== i))}>
              {t('reviews.minutes.removeItem')}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Field label={t('reviews.minutes.addParticipant')}>
          <Input value={newParticipant} onChange={(_, d) => setNewParticipant(d.value)} />
        </Field>
        <Button
          disabled={newParticipant.trim() === ''}
          onClick={() => {
            const known = people.find((p) => p.displayName.toLowerCase() === newParticipant.trim().toLowerCase());
            setParticipants([...participants, known ? { displayName: known.displayName, upn: known.upn, topManagement: false } : { displayName: newParticipant.trim(), topManagement: false }]);
            setNewParticipant('');
          }}
        >
          {t('reviews.minutes.addParticipantButton')}
        </Button>
      </div>

      <Text as="h3" weight="semibold">
        {t('reviews.minutes.inputs')}
      </Text>
      {INPUT_KEYS.map((key, i) => (
        <div key={key}>
          <Field label={`${REVIEW_INPUTS[i]!.marker} ${t(REVIEW_INPUTS[i]!.title.key)}`}>
            <Textarea resize="vertical" value={inputs[key]} onChange={(_, d) => setInputs({ ...inputs, [key]: d.value })} />
          </Field>
          {(inputPassages[key] ?? []).map((p, j) => (
            <Text key={j} block className={styles.quote}>
              {t('reviews.minutes.attachedPassages')}: „{p.speaker ? `${p.speaker}: ` : ''}
              {p.text}“
            </Text>
          ))}
        </div>
      ))}

      <Text as="h3" weight="semibold">
        {t('reviews.minutes.decisions')}
      </Text>
      {decisions.map((d, i) => (
        <div key={i} className={styles.row}>
          <Field label={t('reviews.minutes.decisionKind')}>
            <Select value={d.kind} onChange={(_, v) => setDecisions(decisions.map((x, j) => (j === i ? { ...x, kind: v.value as Decision['kind'] } : x)))}>
              <option value="improvement">{t('reviews.minutes.improvement')}</option>
              <option value="ismsChange">{t('reviews.minutes.ismsChange')}</option>
            </Select>
          </Field>
          <Field label={`${t('reviews.minutes.decisionText')} ${i + 1}`}>
            <Input value={d.text} onChange={(_, v) => setDecisions(decisions.map((x, j) => (j === i ? { ...x, text: v.value } : x)))} />
          </Field>
          <Button onClick={() => setDecisions(decisions.filter((_, j) => j !== i))}>{t('reviews.minutes.removeItem')}</Button>
          {d.passages.map((p, j) => (
            <Text key={j} block className={styles.quote}>
              {t('reviews.minutes.attachedPassages')}: „{p.speaker ? `${p.speaker}: ` : ''}
              {p.text}“
            </Text>
          ))}
        </div>
      ))}
      <Button onClick={() => setDecisions([...decisions, { kind: 'improvement', text: '', passages: [] }])}>{t('reviews.minutes.addDecision')}</Button>

      <Text as="h3" weight="semibold">
        {t('reviews.minutes.actions')}
      </Text>
      {actions.map((a, i) => (
        <div key={a.id} className={styles.row}>
          <Field label={`${t('reviews.minutes.actionTitle')} ${i + 1}`}>
            <Input value={a.title} onChange={(_, v) => setActions(actions.map((x, j) => (j === i ? { ...x, title: v.value } : x)))} />
          </Field>
          <Field label={`${t('reviews.minutes.actionOwner')} ${i + 1}`}>
            <Select
              value={a.owner.upn ?? ''}
              onChange={(_, v) => {
                const owner = ownerOptions.find((p) => p.upn === v.value);
                if (owner) setActions(actions.map((x, j) => (j === i ? { ...x, owner: { upn: owner.upn, displayName: owner.displayName, ...(owner.id ? { id: owner.id } : {}) } } : x)));
              }}
            >
              {ownerOptions.map((p) => (
                <option key={p.upn} value={p.upn}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`${t('reviews.minutes.actionDue')} ${i + 1}`}>
            <Input type="date" value={a.dueDate} onChange={(_, v) => setActions(actions.map((x, j) => (j === i ? { ...x, dueDate: v.value } : x)))} />
          </Field>
          <Button onClick={() => setActions(actions.filter((_, j) => j !== i))}>{t('reviews.minutes.removeItem')}</Button>
        </div>
      ))}
      <Button
        disabled={ownerOptions.length === 0}
        onClick={() => {
          const owner = ownerOptions[0]!;
          const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
          setActions([...actions, { id: newActionId(), title: '', owner: { upn: owner.upn, displayName: owner.displayName, ...(owner.id ? { id: owner.id } : {}) }, dueDate: due }]);
        }}
      >
        {t('reviews.minutes.addAction')}
      </Button>

      <Text as="h3" weight="semibold">
        {t('reviews.minutes.transcript')}
      </Text>
      {transcript === undefined && <Button onClick={() => run(async () => setTranscript((await loadTranscript()) ?? null))}>{t('reviews.minutes.loadTranscript')}</Button>}
      {transcript === null && <Text>{t('reviews.minutes.noTranscript')}</Text>}
      {transcript && (
        <ol aria-label={t('reviews.minutes.transcript')}>
          {transcript.map((p, i) => (
            <li key={i}>
              <Text>
                {p.at} {p.speaker ? `${p.speaker}: ` : ''}
                {p.text}
              </Text>
              <div className={styles.row}>
                <Field label={`${t('reviews.minutes.attachTo')} (${i + 1})`}>
                  <Select value={targets[i] ?? 'input:a'} onChange={(_, v) => setTargets({ ...targets, [i]: v.value as Target })}>
                    {INPUT_KEYS.map((k, n) => (
                      <option key={k} value={`input:${k}`}>
                        {REVIEW_INPUTS[n]!.marker} {t(REVIEW_INPUTS[n]!.title.key)}
                      </option>
                    ))}
                    {decisions.map((d, n) => (
                      <option key={`d${n}`} value={`decision:${n}`}>
                        {t('reviews.minutes.decisionText')} {n + 1}: {d.text}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button onClick={() => attach(p, targets[i] ?? 'input:a')}>{`${t('reviews.minutes.attach')} (${i + 1})`}</Button>
              </div>
            </li>
          ))}
        </ol>
      )}

      <ReviewFeedback error={error} />
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t('reviews.minutes.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {!maySign && <Text>{t('reviews.minutes.signOnly')}</Text>}
      {!mayEdit && <Text>{t('reviews.minutes.editOnly')}</Text>}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !mayEdit}
          onClick={() =>
            run(async () => {
              await onSave({ participants, inputs, inputPassages, decisions: decisions.filter((d) => d.text.trim() !== ''), actions: actions.filter((a) => a.title.trim() !== '') });
              setSaved(true);
            })
          }
        >
          {t('reviews.minutes.save')}
        </Button>
        <Button disabled={busy || !maySign || signed} onClick={() => run(onSign)}>
          {t('reviews.minutes.sign')}
        </Button>
        <Button onClick={onClose}>{t('reviews.minutes.close')}</Button>
      </div>
    </Card>
  );
}
