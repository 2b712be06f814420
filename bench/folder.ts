/** An export-format folder of `n` tracked cases (what the dashboard's Import accepts). */
export function folderOf(n: number): string {
  const now = Date.now();
  const cases = Array.from({ length: n }, (_, i) => {
    const caseNumber = `22SL-CC${String(10_000 + i).padStart(5, '0')}`;
    return {
      key: `CT22|${caseNumber}`,
      courtId: 'CT22',
      caseNumber,
      caption: `PLAINTIFF ${i} V DEFENDANT ${i}`,
      fields: { 'Case Type': 'Breach of Contract' },
      source: { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: 'SMPDB0010_CT22', caseNumber },
      saved: true,
      tracked: i % 2 === 0,
      tags: i % 10 === 0 ? ['client-a'] : [],
      note: '',
      docketAt: now,
      lastVisitAt: now,
      createdAt: now,
      entries: [],
    };
  });
  return JSON.stringify({ format: 'docket-watch-folder', version: 1, exportedAt: now, cases });
}
