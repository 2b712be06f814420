import { useEffect, useRef } from 'preact/hooks';

type Props = { caseNumber: string; onConfirm: () => void; onCancel: () => void };

/** Asks before removing a case; focus starts on "Cancel", Escape cancels. */
export function RemoveConfirm({ caseNumber, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id="confirm-title">Remove {caseNumber}?</h3>
      <p id="confirm-text">The case leaves your folder with its stored docket, note, tags and alerts. You can add it again from Case.net.</p>
      <div class="row">
        <button type="button" class="button button--danger" onClick={onConfirm}>
          Remove case
        </button>
        <button type="button" class="button button--plain" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
