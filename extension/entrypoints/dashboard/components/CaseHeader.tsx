import type { CaseSummary } from '../../../lib/protocol';
import { CaseBadge, UnreadCount } from '../../../lib/ui/CaseBadge';
import { captionOf } from '../../../lib/ui/format';
import { StatusLine } from '../../../lib/ui/StatusLine';
import { courtLabel } from '../filter';

/** Caption, number, court, status, and every header field Case.net showed (judge, date filed, …). */
export function CaseHeader({ c, now }: { c: CaseSummary; now: number }) {
  const fields = Object.entries(c.fields);
  return (
    <header class="case-header">
      <h2 id="case-heading">{captionOf(c)}</h2>
      <p class="case-header__ids">
        <span>{c.caseNumber}</span> · <span>{courtLabel(c)}</span> <CaseBadge c={c} /> <UnreadCount n={c.unread} />
      </p>
      <StatusLine c={c} now={now} />
      {fields.length > 0 && (
        <dl class="fields">
          {fields.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}
