import { useState } from 'preact/hooks';
import { TagChips } from '../../../lib/ui/TagChips';

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 50;

type Props = { tags: string[]; onChange: (tags: string[]) => void; busy: boolean };

/** Tag chips with remove buttons, and a field to add one. */
export function TagEditor({ tags, onChange, busy }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const tag = draft.trim().replace(/\s+/g, ' ');
    if (!tag) return;
    if (tag.length > MAX_TAG_LENGTH) return setProblem(`A tag can be at most ${MAX_TAG_LENGTH} characters.`);
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return setProblem(`“${tag}” is already a tag of this case.`);
    if (tags.length >= MAX_TAGS) return setProblem(`A case can have at most ${MAX_TAGS} tags.`);
    setProblem(null);
    setDraft('');
    onChange([...tags, tag]);
  };

  return (
    <div class="tag-editor">
      <TagChips tags={tags} onRemove={busy ? undefined : (tag) => onChange(tags.filter((t) => t !== tag))} />
      <form class="row" onSubmit={add}>
        <label class="visually-hidden" for="add-tag">
          Add tag
        </label>
        <input
          id="add-tag"
          type="text"
          placeholder="New tag"
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'add-tag-problem' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="button button--plain" disabled={busy}>
          Add
        </button>
      </form>
      {problem && (
        <p id="add-tag-problem" class="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
