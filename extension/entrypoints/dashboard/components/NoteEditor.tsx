import { useState } from 'preact/hooks';
import { StatusNote } from '../../../lib/ui/Banner';

type Props = { note: string; onSave: (note: string) => Promise<boolean> };

/** A private note about the case, saved on demand. */
export function NoteEditor({ note, onSave }: Props) {
  const [draft, setDraft] = useState(note);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = draft !== note;

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setSaved(await onSave(draft));
    setSaving(false);
  };

  return (
    <form class="note-editor" onSubmit={save}>
      <label for="case-note">Note</label>
      <textarea
        id="case-note"
        rows={4}
        maxLength={10_000}
        value={draft}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          setSaved(false);
        }}
      />
      <div class="row">
        <button type="submit" class="button" disabled={saving || !dirty}>
          Save note
        </button>
        <StatusNote>{saved && !dirty ? 'Note saved.' : dirty ? 'Unsaved changes.' : ''}</StatusNote>
      </div>
    </form>
  );
}
