import { Button, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import type { Person } from '../../graph';
import { useI18n } from '../../i18n';
import { describeRule, type Attendee, type BookingRequest, type SeriesEnd } from '../../features/reviews/booking';
import { toAttendee } from '../../features/reviews/people';
import { ReviewFeedback } from './ReviewFeedback';

const TIME_ZONES = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'UTC'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface BookingFormProps {
  mode: 'book' | 'reschedule';
  required: readonly Attendee[];
  initial?: Partial<BookingRequest>;
  search: (text: string) => Promise<Person[]>;
  onSubmit: (request: BookingRequest) => Promise<void>;
  onCancel?: () => void;
}

function defaultFirstDate(): string {
  const d = new Date(Date.now() + 14 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** First date, weekday and time (from the date), time zone, duration, attendees, quarterly, end. */
export function BookingForm({ mode, required, initial, search, onSubmit, onCancel }: BookingFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [firstDate, setFirstDate] = useState(initial?.firstDate ?? defaultFirstDate());
  const [time, setTime] = useState(initial?.time ?? '10:00');
  const [timeZone, setTimeZone] = useState(initial?.timeZone ?? 'Europe/Berlin');
  const [duration, setDuration] = useState(String(initial?.durationMinutes ?? 90));
  const [extra, setExtra] = useState<Attendee[]>(() => (initial?.attendees ?? []).filter((a) => !required.some((r) => r.upn.toLowerCase() === a.upn.toLowerCase())));
  const [endType, setEndType] = useState<SeriesEnd['type']>(initial?.end?.type ?? 'none');
  const [endDate, setEndDate] = useState(initial?.end?.type === 'date' ? initial.end.date : '');
  const [endCount, setEndCount] = useState(initial?.end?.type === 'count' ? String(initial.end.count) : '4');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Person[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const end: SeriesEnd = endType === 'date' ? { type: 'date', date: endDate } : endType === 'count' ? { type: 'count', count: Number(endCount) } : { type: 'none' };
  const rule = useMemo(() => {
    try {
      return describeRule({ firstDate, time, timeZone, end }, t);
    } catch {
      return '–';
    }
  }, [firstDate, time, timeZone, end, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ firstDate, time, timeZone, durationMinutes: Number(duration), attendees: [...required, ...extra], end });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const runSearch = async () => {
    setError(undefined);
    try {
      setResults(await search(query));
    } catch (e) {
      setError(e);
    }
  };

  const invited = new Set([...required, ...extra].map((a) => a.upn.toLowerCase()));

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t(mode === 'book' ? 'reviews.booking.heading' : 'reviews.booking.rescheduleHeading')}>
      <Text as="h2" size={500} weight="semibold">
        {t(mode === 'book' ? 'reviews.booking.heading' : 'reviews.booking.rescheduleHeading')}
      </Text>
      <div className={styles.row}>
        <Field label={t('reviews.booking.firstDate')} required>
          <Input type="date" value={firstDate} onChange={(_, d) => setFirstDate(d.value)} />
        </Field>
        <Field label={t('reviews.booking.time')} required>
          <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
        </Field>
        <Field label={t('reviews.booking.timeZone')}>
          <Select value={timeZone} onChange={(_, d) => setTimeZone(d.value)}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('reviews.booking.duration')} required>
          <Input type="number" min={15} max={480} step={15} value={duration} onChange={(_, d) => setDuration(d.value)} />
        </Field>
      </div>
      <Text>{t('reviews.booking.rule', { rule })}</Text>
      <fieldset>
        <legend>{t('reviews.booking.attendees')}</legend>
        <ul className={styles.list}>
          {required.map((a) => (
            <li key={a.upn}>
              {a.displayName} – {t('reviews.booking.required')}
            </li>
          ))}
          {extra.map((a) => (
            <li key={a.upn}>
              {a.displayName}{' '}
              <Button size="small" appearance="subtle" onClick={() => setExtra(extra.filter((x) => x.upn !== a.upn))}>
                {t('reviews.booking.remove', { name: a.displayName })}
              </Button>
            </li>
          ))}
        </ul>
        <div className={styles.row}>
          <Field label={t('reviews.booking.search')}>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Button onClick={runSearch} disabled={query.trim() === ''}>
            {t('reviews.booking.searchButton')}
          </Button>
        </div>
        {results !== null && results.length === 0 && <Text>{t('reviews.booking.noResults')}</Text>}
        {results !== null && results.length > 0 && (
          <ul className={styles.list}>
            {results
              .filter((p) => !invited.has(p.userPrincipalName.toLowerCase()))
              .map((p) => (
                <li key={p.id}>
                  <Button size="small" onClick={() => setExtra([...extra, toAttendee(p)])}>
                    {t('reviews.booking.add', { name: p.displayName })}
                  </Button>
                </li>
              ))}
          </ul>
        )}
      </fieldset>
      <Field label={t('reviews.booking.end')}>
        <RadioGroup value={endType} onChange={(_, d) => setEndType(d.value as SeriesEnd['type'])}>
          <Radio value="none" label={t('reviews.booking.endNone')} />
          <Radio value="date" label={t('reviews.booking.endDate')} />
          <Radio value="count" label={t('reviews.booking.endCount')} />
        </RadioGroup>
      </Field>
      {endType === 'date' && (
        <Field label={t('reviews.booking.endDateLabel')} required>
          <Input type="date" value={endDate} onChange={(_, d) => setEndDate(d.value)} />
        </Field>
      )}
      {endType === 'count' && (
        <Field label={t('reviews.booking.endCountLabel')} required>
          <Input type="number" min={1} max={40} value={endCount} onChange={(_, d) => setEndCount(d.value)} />
        </Field>
      )}
      <ReviewFeedback error={error} />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t(mode === 'book' ? 'reviews.booking.submit' : 'reviews.booking.submitReschedule')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('reviews.booking.cancelEdit')}</Button>}
      </div>
    </form>
  );
}
