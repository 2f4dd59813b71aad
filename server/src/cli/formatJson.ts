import type { Finding } from '../engine';
import type { FileReport } from './checkFiles';

/** The machine-readable shape; ranges stay 0-based (LSP style). */
function diagnostic(f: Finding): object {
  return {
    range: {
      start: { line: f.range.start.line, character: f.range.start.character },
      end: { line: f.range.end.line, character: f.range.end.character },
    },
    severity: f.severity,
    code: f.code,
    path: f.path,
    ...(f.kops ? { kops: { type: f.kops.type, path: f.kops.path, stage: f.kops.stage } } : {}),
    message: f.message,
    docs: f.docs,
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({ file: r.file, kopsVersion: r.kopsVersion, diagnostics: r.findings.map(diagnostic) }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
