import type { CursorContext } from '../../document/cursor/cursorContext';
import type { ParsedFile } from '../../document/documents';
import { CILIUM_PATH } from '../../kops/dialect';
import type { KopsVersion } from '../../kops/releases';
import type { Position } from '../../types';
import type { ErrorSink } from '../../errorBoundary';
import { scenarioProposals } from '../scenarios';
import { releaseDocumentation } from './rowText';
import { orderKey } from './snippets';
import type { CompletionEntry } from './types';

/** A new key typed on a line of its own, directly under `spec:` or inside `networking.cilium:`. */
function isScenarioSite(ctx: CursorContext): boolean {
  if (ctx.mode !== 'key' || ctx.style !== 'block' || ctx.keyOnly) return false;
  const at = (path: readonly string[]) => ctx.path.length === path.length && path.every((s, i) => ctx.path[i] === s);
  return at(['spec']) || at(CILIUM_PATH);
}

/** The Cilium guide's scenarios, each merging into the Cluster through additional edits. */
export function scenarioItems(file: ParsedFile, pos: Position, ctx: CursorContext, v: KopsVersion, report: ErrorSink): CompletionEntry[] {
  if (!isScenarioSite(ctx)) return [];
  return scenarioProposals(file, pos, v, report).map((p, i) => ({
    label: p.label,
    kind: 'snippet',
    detail: p.title,
    documentation: releaseDocumentation(v, p.documentation),
    insertText: '',
    isSnippet: false,
    sortText: `2_${orderKey(i)}`,
    deprecated: false,
    range: p.range,
    additionalEdits: p.additionalEdits,
  }));
}
