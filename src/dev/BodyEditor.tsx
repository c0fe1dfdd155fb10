import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ComposeDraft } from './composeDraft';

const useStyles = makeStyles({
  editor: {
    minHeight: '16rem',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * The HTML body, editable like Outlook's: it remembers where the cursor was, so the task pane's
 * "insert template" lands there (`body.setSelectedDataAsync`), even after focus moved to the pane.
 */
export function BodyEditor({ draft, label }: { draft: ComposeDraft; label: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);

  useEffect(() => {
    const editor = ref.current;
    if (!editor) return undefined;
    editor.innerHTML = draft.get().bodyHtml;
    const onSelection = () => {
      const selection = document.getSelection();
      if (selection && selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) saved.current = selection.getRangeAt(0).cloneRange();
    };
    document.addEventListener('selectionchange', onSelection);
    draft.setBodyInserter((html) => {
      const range = saved.current && editor.contains(saved.current.commonAncestorContainer) ? saved.current : null;
      if (range) {
        range.deleteContents();
        const fragment = range.createContextualFragment(html);
        const last = fragment.lastChild;
        range.insertNode(fragment);
        if (last) range.setStartAfter(last);
        range.collapse(true);
      } else {
        editor.insertAdjacentHTML('beforeend', html);
      }
      draft.update((s) => ({ ...s, bodyHtml: editor.innerHTML }));
    });
    const unsubscribe = draft.subscribe(() => {
      const html = draft.get().bodyHtml;
      if (editor.innerHTML !== html) editor.innerHTML = html;
    });
    return () => {
      document.removeEventListener('selectionchange', onSelection);
      draft.setBodyInserter(undefined);
      unsubscribe();
    };
  }, [draft]);

  return (
    <Field label={label}>
      {(fieldProps) => (
        <div
          {...fieldProps}
          ref={ref}
          role="textbox"
          aria-multiline="true"
          tabIndex={0}
          contentEditable
          suppressContentEditableWarning
          className={styles.editor}
          onInput={(event) => {
            const html = event.currentTarget.innerHTML;
            draft.update((s) => ({ ...s, bodyHtml: html }));
          }}
        />
      )}
    </Field>
  );
}
