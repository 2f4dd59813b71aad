import { isMap } from 'yaml';
import { ciliumEtcdEdits, ciliumEtcdOffer } from './etcd';
import type { ParsedFile } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import { editsClash } from '../document/textEdits';
import { fixesFor, fixOffer, type FixPart } from './fixes';
import { keyOnLine, samePath } from '../document/lineKey';
import { migrationAction } from './migration';
import { rangesTouch, type Finding, type Fix, type Range, type TextEdit } from '../types';
import { nodeAt } from '../document/yamlNav';
import { ciliumPath, dialectFor } from '../kops/dialect';
import { rethrow, type ErrorSink } from '../errorBoundary';
import { passesGuard, type OfferedEdit } from './editGuard';

export interface EngineCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll' | 'refactor.rewrite';
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Codes of the findings this action resolves (the server attaches the matching diagnostics). */
  diagnosticCodes: string[];
  /** A client command to run after the edits, by the engine's name for it (the server maps it to the command id). */
  command?: { title: string; name: 'showMigrationGuide' | 'openLink'; arguments?: unknown[] };
}

/** Offers an action only when its edit passes the edit guard; the sink hears about one it withholds. */
type Guard = (action: EngineCodeAction, offer: OfferedEdit) => EngineCodeAction[];

/** The action of fixes, through the guard. */
const fixesAction = (guard: Guard, file: ParsedFile, eff: EffectiveVersion, action: EngineCodeAction, parts: FixPart[]) =>
  guard(action, fixOffer(file, eff.version, fixesFor, action.title, parts));

/** The preferred, batch-safe fix of every finding, dropping any whose edits clash with one already taken. */
function combinable(file: ParsedFile, eff: EffectiveVersion, findings: readonly Finding[]): FixPart[] {
  const taken: FixPart[] = [];
  for (const finding of findings) {
    const fix = fixesFor(file, eff.version, finding).find((f) => f.preferred && f.fixAllSafe);
    if (fix && !taken.some((t) => editsClash(t.fix.edits, fix.edits))) taken.push({ finding, fix });
  }
  return taken;
}

function fixAllOfKind(
  guard: Guard,
  file: ParsedFile,
  eff: EffectiveVersion,
  code: string,
  findings: readonly Finding[],
): EngineCodeAction[] {
  const same = findings.filter((f) => f.code === code);
  if (same.length < 2) return [];
  const parts = combinable(file, eff, same);
  if (parts.length < 2) return [];
  const action: EngineCodeAction = {
    title: `Fix all ${parts.length} '${code}' problems in this file`,
    kind: 'quickfix',
    edits: parts.flatMap((p) => p.fix.edits),
    diagnosticCodes: [code],
  };
  return fixesAction(guard, file, eff, action, parts);
}

/**
 * Every safe fix of the file in one action: as `source.fixAll` for fix-on-save and the Source Action menu, and
 * as a quick fix beside a finding's own fixes (unless it only repeats that code's "fix all").
 */
function fixAllInFile(
  guard: Guard,
  file: ParsedFile,
  eff: EffectiveVersion,
  findings: readonly Finding[],
  kind: 'quickfix' | 'source.fixAll',
  offeredCodes: ReadonlySet<string>,
): EngineCodeAction[] {
  const parts = combinable(file, eff, findings);
  const codes = [...new Set(parts.map((p) => p.finding.code))];
  if (parts.length === 0 || (kind === 'quickfix' && (parts.length < 2 || (codes.length === 1 && offeredCodes.has(codes[0]))))) return [];
  const action: EngineCodeAction = {
    title: `Apply ${parts.length} safe kops fix${parts.length === 1 ? '' : 'es'} in this file`,
    kind,
    edits: parts.flatMap((p) => p.fix.edits),
    diagnosticCodes: codes,
  };
  return fixesAction(guard, file, eff, action, parts);
}

/**
 * On the `cilium:`, `etcdManaged` or `etcdClusters:` line of a Cluster using Cilium, the etcd command as a
 * rewrite, unless a finding there already offers it as its fix.
 */
function etcdRewrite(guard: Guard, file: ParsedFile, eff: EffectiveVersion, range: Range, here: readonly Finding[]): EngineCodeAction[] {
  if (here.some((f) => f.code === 'cilium-etcdmanaged-needs-cluster' || f.code === 'cilium-kvstore-needs-etcd')) return [];
  const key = keyOnLine(file, range.start.line);
  if (!key?.doc.kops || key.doc.kops.kind !== 'Cluster') return [];
  const cilium = ciliumPath(dialectFor(key.doc.kops.apiVersion));
  const relevant = [cilium, [...cilium, 'etcdManaged'], ['spec', 'etcdClusters']].some((path) => samePath(path, key.path));
  if (!relevant || !isMap(nodeAt(key.doc, cilium))) return [];
  const result = ciliumEtcdEdits(file, key.doc, eff.version);
  if (!('edits' in result)) return [];
  const title = 'Give Cilium its own etcd cluster (etcdManaged)';
  return guard(
    { title, kind: 'refactor.rewrite', edits: result.edits, diagnosticCodes: [] },
    ciliumEtcdOffer(file, key.doc, eff.version, title, result.edits),
  );
}

/** A fix's `readFirst` page as its own action, once per page. */
function readFirstActions(fixes: readonly Fix[], codes: readonly string[]): EngineCodeAction[] {
  const pages = new Map(fixes.flatMap((f) => (f.readFirst ? [[f.readFirst.url, f.readFirst.title] as const] : [])));
  return [...pages].map(([url, title]) => ({
    title,
    kind: 'quickfix' as const,
    edits: [],
    diagnosticCodes: [...codes],
    command: { title, name: 'openLink' as const, arguments: [url] },
  }));
}

/** Whether a request limited to `only` kinds asks for `source.fixAll` (the editor's fix-on-save, the Source Action menu). */
const asksForFixAll = (only: readonly string[] | undefined): boolean =>
  only !== undefined && only.some((k) => k === 'source.fixAll' || 'source.fixAll'.startsWith(`${k}.`));

/**
 * Code actions for `range`, each only where it belongs: the fixes of every finding the range touches (best one
 * preferred) with the pages to read first, one "fix all" per code of those findings and every safe fix of the
 * file; the etcd rewrite and the migration steps on the line of the key they are about. The file's safe fixes
 * as `source.fixAll` only when the request's `only` asks for that kind. `findings` is diagnose(file, eff). An
 * action whose edit fails the edit guard is left out and reported to `report`.
 */
export function codeActions(
  file: ParsedFile,
  eff: EffectiveVersion,
  range: Range,
  findings: Finding[],
  only?: readonly string[],
  report: ErrorSink = rethrow,
): EngineCodeAction[] {
  const guard: Guard = (action, offer) => (passesGuard(file, offer, report, { feature: 'code actions: edit guard' }) ? [action] : []);
  const here = findings.filter((f) => rangesTouch(f.range, range));
  const actions: EngineCodeAction[] = [];
  for (const finding of here) {
    const fixes = fixesFor(file, eff.version, finding);
    for (const fix of fixes) {
      const action: EngineCodeAction = {
        title: fix.title,
        kind: 'quickfix',
        edits: fix.edits,
        diagnosticCodes: [finding.code],
        ...(fix.preferred ? { isPreferred: true } : {}),
      };
      actions.push(...fixesAction(guard, file, eff, action, [{ finding, fix }]));
    }
    actions.push(...readFirstActions(fixes, [finding.code]));
  }
  const offeredCodes = new Set<string>();
  for (const code of new Set(here.map((f) => f.code))) {
    const all = fixAllOfKind(guard, file, eff, code, findings);
    if (all.length) offeredCodes.add(code);
    actions.push(...all);
  }
  if (here.length) actions.push(...fixAllInFile(guard, file, eff, findings, 'quickfix', offeredCodes));
  if (asksForFixAll(only)) actions.push(...fixAllInFile(guard, file, eff, findings, 'source.fixAll', offeredCodes));
  actions.push(...etcdRewrite(guard, file, eff, range, here));
  const migration = migrationAction(file, eff, range);
  if (migration) actions.push({ ...migration, kind: 'quickfix', edits: [], diagnosticCodes: [] });
  return actions;
}
