import type { CursorContext } from '../../document/cursor/cursorContext';
import type { ParsedFile } from '../../document/documents';
import { CILIUM_PATH } from '../../kops/dialect';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import type { KopsVersion } from '../../kops/releases';
import type { ErrorSink } from '../../errorBoundary';
import type { Position, TextEdit } from '../../types';
import { scenarioEdits, scenarioProposals } from '../scenarios';
import { releaseDocumentation } from './rowText';
import { orderKey } from './snippets';
import type { CompletionEntry } from './types';

/** A new key typed on a line of its own, directly under `spec:` or inside `networking.cilium:`. */
function isScenarioSite(ctx: CursorContext): boolean {
  if (ctx.mode !== 'key' || ctx.style !== 'block' || ctx.keyOnly) return false;
  const at = (path: readonly string[]) => ctx.path.length === path.length && path.every((s, i) => ctx.path[i] === s);
  return at(['spec']) || at(CILIUM_PATH);
}

/** The Cilium guide's scenarios; the edits that merge one into the Cluster come from scenarioMerge. */
export function scenarioItems(file: ParsedFile, pos: Position, ctx: CursorContext, v: KopsVersion): CompletionEntry[] {
  if (!isScenarioSite(ctx)) return [];
  return scenarioProposals(file, pos, v).map((p, i) => ({
    label: p.label,
    kind: 'snippet',
    detail: p.title,
    documentation: releaseDocumentation(v, p.documentation),
    insertText: '',
    isSnippet: false,
    sortText: `2_${orderKey(i)}`,
    deprecated: false,
    range: p.range,
    scenario: p.label,
  }));
}

/**
 * The edits that merge the scenario item `scenario` listed by complete(…) on the typed line `line`, asked once the
 * editor has applied the item (its edit removed the typed word); none when the scenario no longer applies there.
 */
export function scenarioMerge(file: ParsedFile, line: number, eff: EffectiveVersion, scenario: string, report?: ErrorSink): TextEdit[] {
  return scenarioEdits(file, { line, character: 0 }, eff.version, scenario, report);
}
