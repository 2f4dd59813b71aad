import { isMap } from 'yaml';
import { ciliumEtcdEdits } from './etcd';
import { clusterDocument, type ParsedFile } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import { editsClash } from '../document/textEdits';
import { fixesFor } from './fixes';
import { migrationAction } from './migration';
import { rangesTouch, type Finding, type Fix, type Range, type TextEdit } from '../types';
import { nodeAt, spanOf } from '../document/yamlNav';
import { CILIUM_PATH } from '../kops/dialect';

export interface EngineCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll' | 'refactor.rewrite';
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Codes of the findings this action resolves (the server attaches the matching diagnostics). */
  diagnosticCodes: string[];
  /** A client command to run after the edits, by the engine's name for it (the server maps it to the command id). */
  command?: { title: string; name: 'showMigrationGuide'; arguments?: unknown[] };
}

/** The preferred, batch-safe fix of every finding, dropping any whose edits clash with one already taken. */
function combinable(file: ParsedFile, eff: EffectiveVersion, findings: readonly Finding[]): Array<{ finding: Finding; fix: Fix }> {
  const taken: Array<{ finding: Finding; fix: Fix }> = [];
  for (const finding of findings) {
    const fix = fixesFor(file, eff.version, finding).find((f) => f.preferred && f.fixAllSafe);
    if (fix && !taken.some((t) => editsClash(t.fix.edits, fix.edits))) taken.push({ finding, fix });
  }
  return taken;
}

function fixAllOfKind(file: ParsedFile, eff: EffectiveVersion, code: string, findings: readonly Finding[]): EngineCodeAction[] {
  const same = findings.filter((f) => f.code === code);
  if (same.length < 2) return [];
  const parts = combinable(file, eff, same);
  if (parts.length < 2) return [];
  return [
    {
      title: `Fix all ${parts.length} '${code}' problems in this file`,
      kind: 'quickfix',
      edits: parts.flatMap((p) => p.fix.edits),
      diagnosticCodes: [code],
    },
  ];
}

function fixAllInFile(file: ParsedFile, eff: EffectiveVersion, findings: readonly Finding[]): EngineCodeAction[] {
  const parts = combinable(file, eff, findings);
  if (parts.length === 0) return [];
  return [
    {
      title: `Apply ${parts.length} safe kops fix${parts.length === 1 ? '' : 'es'} in this file`,
      kind: 'source.fixAll',
      edits: parts.flatMap((p) => p.fix.edits),
      diagnosticCodes: [...new Set(parts.map((p) => p.finding.code))],
    },
  ];
}

/** Inside `spec.etcdClusters` or `spec.networking.cilium` of a Cluster document, offer the etcd command as a rewrite. */
function etcdRewrite(file: ParsedFile, eff: EffectiveVersion, range: Range, findings: readonly Finding[]): EngineCodeAction[] {
  if (findings.some((f) => f.code === 'cilium-etcdmanaged-needs-cluster' || f.code === 'cilium-kvstore-needs-etcd')) return [];
  const doc = clusterDocument(file, range.start);
  if (!doc || doc.offset > file.lines.offsetAt(range.start)) return [];
  const offset = file.lines.offsetAt(range.start) - doc.offset;
  const inside = [['spec', 'etcdClusters'], CILIUM_PATH].some((path) => {
    const span = spanOf(nodeAt(doc, path));
    return span !== undefined && span[0] <= offset && offset <= span[1];
  });
  if (!inside || !isMap(nodeAt(doc, CILIUM_PATH))) return [];
  const result = ciliumEtcdEdits(file, doc, eff.version);
  if (!('edits' in result)) return [];
  return [{ title: 'Give Cilium its own etcd cluster (etcdManaged)', kind: 'refactor.rewrite', edits: result.edits, diagnosticCodes: [] }];
}

/**
 * Code actions for `range`: the fixes of every finding it touches (best one preferred), one "fix all" per
 * code where the fix is safe in bulk, a file-wide safe fix-all, and the etcd rewrite. `findings` is
 * diagnose(file, eff).
 */
export function codeActions(file: ParsedFile, eff: EffectiveVersion, range: Range, findings: Finding[]): EngineCodeAction[] {
  const here = findings.filter((f) => rangesTouch(f.range, range));
  const actions: EngineCodeAction[] = [];
  for (const finding of here) {
    for (const fix of fixesFor(file, eff.version, finding)) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        edits: fix.edits,
        diagnosticCodes: [finding.code],
        ...(fix.preferred ? { isPreferred: true } : {}),
      });
    }
  }
  for (const code of new Set(here.map((f) => f.code))) actions.push(...fixAllOfKind(file, eff, code, findings));
  actions.push(...fixAllInFile(file, eff, findings), ...etcdRewrite(file, eff, range, here));
  const migration = migrationAction(file, eff, range);
  if (migration) actions.push({ ...migration, kind: 'quickfix', edits: [], diagnosticCodes: [] });
  return actions;
}
