import type { CaseFilter, Show, SortBy } from '../filter';

type Props = {
  filter: CaseFilter;
  courts: { id: string; label: string }[];
  tags: string[];
  onChange: (next: CaseFilter) => void;
};

const SHOW_LABELS: [Show, string][] = [
  ['all', 'All'],
  ['tracked', 'Tracked'],
  ['saved', 'Saved only'],
  ['unread', 'Has unread'],
];

/** Show buttons, court and tag selects, free-text search and sort order of the folder. */
export function FilterBar({ filter, courts, tags, onChange }: Props) {
  const set = (part: Partial<CaseFilter>) => onChange({ ...filter, ...part });
  return (
    <div class="filters">
      <div class="segmented" role="group" aria-label="Show">
        {SHOW_LABELS.map(([value, label]) => (
          <button key={value} type="button" class="segmented__item" aria-pressed={filter.show === value} onClick={() => set({ show: value })}>
            {label}
          </button>
        ))}
      </div>
      <label class="field">
        <span>Court</span>
        <select value={filter.court} onChange={(e) => set({ court: e.currentTarget.value })}>
          <option value="">All courts</option>
          {courts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Tag</span>
        <select value={filter.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label class="field field--grow">
        <span>Search</span>
        <input type="search" placeholder="Number, caption, note, tag" value={filter.query} onInput={(e) => set({ query: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>Sort by</span>
        <select value={filter.sort} onChange={(e) => set({ sort: e.currentTarget.value as SortBy })}>
          <option value="lastEntry">Last entry date</option>
          <option value="caseNumber">Case number</option>
        </select>
      </label>
    </div>
  );
}
