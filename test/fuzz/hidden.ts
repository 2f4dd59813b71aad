import { isMap } from 'yaml';
import { ciliumFieldFindings } from '../../server/src/engine/checks/ciliumFields/ciliumFieldFindings';
import { ciliumParentOf } from '../../server/src/engine/kops/ciliumNaming';
import { ciliumKeyItems, ciliumValueItems } from '../../server/src/engine/features/completion/ciliumItems';
import { schemaKeyItems, schemaValueItems } from '../../server/src/engine/features/completion/schemaItems';
import { cursorContext } from '../../server/src/engine/document/cursor/cursorContext';
import type { ParsedFile } from '../../server/src/engine/document/documents';
import type { EffectiveVersion } from '../../server/src/engine/kops/effectiveVersion';
import { fixerFor } from '../../server/src/engine/features/fixes';
import { ruleFindings } from '../../server/src/engine/checks/rules';
import { schemaFindings } from '../../server/src/engine/checks/schema/schemaFindings';
import type { Finding, Position } from '../../server/src/engine/types';

/**
 * The engine's entry points catch everything so an editor never sees a crash, which also hides crashes
 * (a whole family of findings, or every completion, silently missing). This calls the parts behind those
 * catch-alls directly, the way the entry points do, and reports what they throw.
 * Fixers come from the product's own table (fixes/index.ts); keep the rest in step with diagnostics.ts and
 * completion/complete.ts.
 */

type Report = (op: string, detail: string) => void;

function probe(op: string, report: Report, fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    const e = err as Error;
    report(op, `${e?.name}: ${e?.message} @ ${e?.stack?.split('\n').slice(1, 3).map((l) => l.trim()).join(' < ')}`);
  }
}

export function hiddenCrashes(file: ParsedFile, eff: EffectiveVersion, findings: Finding[], positions: Position[], report: Report): void {
  const v = eff.version;
  for (const doc of file.documents) {
    if (!doc.kops || !isMap(doc.yaml.contents)) continue;
    probe('schemaFindings', report, () => schemaFindings(file, doc, v));
    probe('ciliumFieldFindings', report, () => ciliumFieldFindings(file, doc, v));
    if (doc.yaml.errors.length === 0) probe('ruleFindings', report, () => ruleFindings(file, doc, v));
  }
  for (const finding of findings) {
    const fixer = fixerFor(finding.code);
    if (fixer) probe(`fixer ${finding.code}`, report, () => fixer(file, v, finding));
  }
  for (const pos of positions) {
    const ctx = cursorContext(file, pos);
    const kops = ctx?.doc.kops;
    if (!ctx || !kops) continue;
    const cilium = kops.kind === 'Cluster' ? ciliumParentOf(ctx.path) : undefined;
    probe('completion items', report, () => {
      if (cilium !== undefined) return ctx.mode === 'key' ? ciliumKeyItems(ctx, v, cilium, kops.apiVersion) : ciliumValueItems(ctx, v, cilium, kops.apiVersion);
      return ctx.mode === 'key' ? schemaKeyItems(ctx, kops.kind, v) : schemaValueItems(ctx, kops.kind, v);
    });
  }
}
