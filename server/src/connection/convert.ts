import {
  Diagnostic, DiagnosticSeverity, DiagnosticTag,
} from 'vscode-languageserver/node';
import type { Finding } from '../engine/types';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const TAG = { deprecated: DiagnosticTag.Deprecated, unnecessary: DiagnosticTag.Unnecessary } as const;

/** Engine finding → LSP diagnostic; the finding rides along in `data` for code actions. */
export function toDiagnostic(f: Finding): Diagnostic {
  const kops = f.kops ? ` (kops: ${f.kops.path}: ${f.kops.type}${f.kops.stage === 'defaults' ? ', at kops update cluster' : ''})` : '';
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: f.docs ? { href: f.docs } : undefined,
    source: 'kops-spec',
    message: f.message + kops,
    tags: f.tags?.map((t) => TAG[t]),
    data: { code: f.code, path: f.path },
  };
}
