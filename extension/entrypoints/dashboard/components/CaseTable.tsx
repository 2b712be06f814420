import type { CaseSummary } from '../../../lib/protocol';
import { CaseBadge } from '../../../lib/ui/CaseBadge';
import { captionOf, formatIsoDate } from '../../../lib/ui/format';
import { StatusLine } from '../../../lib/ui/StatusLine';
import { TagChips } from '../../../lib/ui/TagChips';
import { courtLabel } from '../filter';
import { caseHash } from '../route';

type Props = { cases: CaseSummary[]; now: number };

/** One row per case; the caption links to the case's detail view. */
export function CaseTable({ cases, now }: Props) {
  return (
    <table class="case-table">
      <thead>
        <tr>
          <th scope="col">Caption</th>
          <th scope="col">Court</th>
          <th scope="col">Case number</th>
          <th scope="col">Last entry</th>
          <th scope="col">Last checked</th>
          <th scope="col">Unread</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.key}>
            <td>
              <a href={caseHash(c.key)}>{captionOf(c)}</a> <CaseBadge c={c} />
            </td>
            <td>{courtLabel(c)}</td>
            <td class="nowrap">{c.caseNumber}</td>
            <td>
              {c.lastEntry ? (
                <>
                  <span class="nowrap">{formatIsoDate(c.lastEntry.date)}</span>
                  <br />
                  {c.lastEntry.title}
                </>
              ) : (
                <span class="muted">no entries stored</span>
              )}
            </td>
            <td>
              <StatusLine c={c} now={now} />
            </td>
            <td class="num">{c.unread > 0 ? <strong>{c.unread}</strong> : <span class="muted">0</span>}</td>
            <td>
              <TagChips tags={c.tags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
