const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** `18` → `18:00`. */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

type Props = {
  id: string;
  label: string;
  value: number;
  onValue: (hour: number) => void;
  disabled?: boolean;
  /** The id of the line saying what is wrong with it, when something is. */
  problemId?: string | undefined;
  /** The id of a line explaining it. */
  noteId?: string | undefined;
};

/** A labelled choice of a whole local hour, 00:00 to 23:00. */
export function HourSelect({ id, label, value, onValue, disabled = false, problemId, noteId }: Props) {
  const describedBy = [problemId, noteId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={String(value)} disabled={disabled} aria-invalid={problemId ? true : undefined} aria-describedby={describedBy} onChange={(e) => onValue(Number(e.currentTarget.value))}>
        {HOURS.map((h) => (
          <option key={h} value={String(h)}>
            {hourLabel(h)}
          </option>
        ))}
      </select>
    </div>
  );
}
