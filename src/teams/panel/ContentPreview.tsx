import { Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { EvidenceStore, StoredEvidence } from '../../features/evidence/evidenceStore';
import { buildPreview, previewKind } from '../../features/panel/contentPreview';
import { sanitizeMailHtml } from '../../features/mailHtml/sanitizeMailHtml';
import { contentFileName } from '../../features/binder/binderEntries';
import { useI18n } from '../../i18n';
import { ErrorPanel, useAsync } from '../../ui';

const useStyles = makeStyles({
  mail: {
    maxHeight: '320px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  text: { maxHeight: '320px', overflow: 'auto', whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** The item's content: a mail's sanitized HTML, a transcript's text, or a link to the PDF. */
export function ContentPreview({ store, item }: { store: Pick<EvidenceStore, 'content'>; item: StoredEvidence }) {
  const styles = useStyles();
  const { t } = useI18n();
  const kind = previewKind(item);
  const needsBytes = kind === 'mail' || kind === 'html' || kind === 'text';
  const load = useCallback(async () => buildPreview(item, await store.content(item)), [store, item]);
  const state = useAsync(needsBytes ? load : null);
  const html = useMemo(
    () => (state.status === 'success' && state.data.kind === 'mailHtml' ? sanitizeMailHtml(state.data.html) : ''),
    [state],
  );
  const link = item.contentUrl;

  if (kind === 'none') return <Text>{t('panel.detail.previewNone')}</Text>;
  if (!needsBytes) {
    const name = contentFileName(item);
    return (
      <Text>
        {link ? (
          <Link href={link} target="_blank" rel="noopener noreferrer">
            {t(kind === 'pdf' ? 'panel.detail.previewPdf' : 'panel.detail.previewFile', { name })}
          </Link>
        ) : (
          t(kind === 'pdf' ? 'panel.detail.previewPdf' : 'panel.detail.previewFile', { name })
        )}
      </Text>
    );
  }
  if (state.status === 'loading' || state.status === 'idle') return <Spinner size="tiny" label={t('panel.detail.previewLoading')} />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={state.retry} />;
  const preview = state.data;
  return (
    <div>
      {'subject' in preview && preview.subject && <Text block weight="semibold">{t('panel.detail.subject', { subject: preview.subject })}</Text>}
      {preview.kind === 'mailHtml' && (
        // Sanitized with DOMPurify (sanitizeMailHtml): no scripts, handlers, javascript: links, SVG or styles.
        <div className={styles.mail} role="document" aria-label={t('panel.detail.mailBody')} dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {preview.kind === 'text' && (
        <pre className={styles.text} aria-label={t('panel.detail.preview')}>
          {preview.text}
        </pre>
      )}
    </div>
  );
}
