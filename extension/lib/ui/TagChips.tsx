type Props = {
  tags: string[];
  /** When given, each chip gets a remove button named "Remove tag <tag>". */
  onRemove?: (tag: string) => void;
};

/** Tags as chips; read-only unless `onRemove` is given. */
export function TagChips({ tags, onRemove }: Props) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} class="chip">
          <span>{tag}</span>
          {onRemove && (
            <button type="button" class="chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
