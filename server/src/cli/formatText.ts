import type { Severity } from '../engine';
import type { FileReport } from './checkFiles';

const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');

/** `file:line:col severity code message`, 1-based like compilers, in file then position order. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const { line, character } = f.range.start;
      lines.push(`${report.file}:${line + 1}:${character + 1} ${f.severity} ${f.code} ${oneLine(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** e.g. `2 errors, 1 warning, 0 information, 3 hints in 4 files`. */
export function summaryLine(reports: readonly FileReport[]): string {
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const f of report.findings) count[f.severity]++;
  const versions = [...new Set(reports.map((r) => r.kopsVersion))].sort();
  const against = versions.length ? ` (kops ${versions.join(', ')})` : '';
  return (
    `${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${count.information} information, ` +
    `${plural(count.hint, 'hint')} in ${plural(reports.length, 'file')}${against}`
  );
}
