import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import type { Row } from './row';

/** bench/results.md from measured rows: the machine, then result, target, ratio and pass/fail per row. */
export function report(rows: Row[]): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const lines = [
    '# Benchmark results',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpu}, ${availableParallelism()} cores (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}, Chromium (Debian) headless`,
    '- ratio = result / target: a "≥" target passes at ratio ≥ 1, a "≤" target at ratio ≤ 1',
    '',
    '| benchmark | result | target | ratio | pass/fail |',
    '|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
    if (r.target === 0) {
      lines.push(`| ${r.name} | ${fmt(r.value)} ${r.unit} | — | — | — |`);
      continue;
    }
    const ratio = r.value / r.target;
    const pass = r.better === 'higher' ? ratio >= 1 : ratio <= 1;
    lines.push(`| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.better === 'higher' ? '≥' : '≤'} ${fmt(r.target)} ${r.unit} | ${ratio.toFixed(2)} | ${pass ? 'pass' : 'fail'} |`);
  }
  return `${lines.join('\n')}\n`;
}
