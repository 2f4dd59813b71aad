import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { KopsCommentSays } from '../../kops/catalog/ciliumComments';
import type { CiliumField } from '../../kops/catalog/ciliumFields';
import type { Finding, Fix, PathSegment, Range } from '../../types';
import { formatPath } from '../../types';
import { docsFor, rangeOf, type CiliumContext } from './context';
import { releaseName } from '../../kops/releases';

/** Deletes a block-style `key: value` entry with its whole lines; undefined when that would be unsafe or unclear. */
export function removalFix(ctx: CiliumContext, map: YAMLMap, pair: Pair, title: string): Fix | undefined {
  if (map.items.length < 2 || map.flow || !isScalar(pair.key) || !pair.key.range) return undefined;
  const lines = ctx.file.lines;
  const start = lines.positionAt(ctx.doc.offset + pair.key.range[0]);
  if (lines.lineText(start.line).slice(0, start.character).trim() !== '') return undefined;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1];
  const end = lines.positionAt(ctx.doc.offset + valueEnd);
  const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  const rest = lastLine === end.line ? lines.lineText(lastLine).slice(end.character).trim() : '';
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { title, edits: [{ range: wholeLines(lines, start.line, lastLine), newText: '' }], fixAllSafe: true };
}

/** Lines `first`–`last` with one line break: the one after them, or before them on a file's unterminated last line. */
function wholeLines(lines: CiliumContext['file']['lines'], first: number, last: number) {
  if (last + 1 < lines.lineCount) return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
  const start = first > 0 ? { line: first - 1, character: lines.lineText(first - 1).length } : { line: 0, character: 0 };
  return { start, end: { line: last, character: lines.lineText(last).length } };
}

/**
 * Keys kops accepts but throws away (dead), no longer turns into Cilium configuration (no effect), or says in its
 * own comment on the key that setting it does nothing.
 */
export function lifecycleFindings(ctx: CiliumContext, map: YAMLMap, pair: Pair, field: CiliumField, path: PathSegment[]): Finding[] {
  const range = rangeOf(ctx, pair);
  const key = String(path[path.length - 1]);
  if (!range) return [];
  if (field.deadSince) {
    const fix = removalFix(ctx, map, pair, `Remove ${key} (kops discards it)`);
    return [
      {
        code: 'cilium-dead-key',
        path: formatPath(path),
        range,
        severity: 'warning',
        message: `kops ${ctx.v.text} drops ${key} (since ${releaseName(field.deadSince)}): remove it.`,
        docs: docsFor(ctx),
        tags: ['deprecated'],
        ...(fix ? { fixes: [fix] } : {}),
      },
    ];
  }
  if (field.noEffectSince) {
    const fix = removalFix(ctx, map, pair, `Remove ${key} (it has no effect)`);
    return [
      {
        code: 'cilium-no-effect',
        path: formatPath(path),
        range,
        severity: 'hint',
        message: `kops ${ctx.v.text} no longer passes ${key} to Cilium (since ${releaseName(field.noEffectSince)}), so it has no effect: remove it.`,
        docs: docsFor(ctx, field.path),
        tags: ['unnecessary'],
        ...(fix ? { fixes: [{ ...fix, fixAllSafe: false }] } : {}),
      },
    ];
  }
  const keyRange = rangeOf(ctx, isScalar(pair.key) ? pair.key : undefined);
  if (field.noEffectComment && keyRange) return [commentedNoEffect(ctx, keyRange, key, field.noEffectComment.says, path)];
  return [];
}

function commentedNoEffect(ctx: CiliumContext, range: Range, key: string, says: KopsCommentSays, path: PathSegment[]): Finding {
  return {
    code: 'cilium-no-effect-per-kops',
    path: formatPath(path),
    range,
    severity: 'warning',
    message: `${key} does nothing at kops ${ctx.v.text} (kops' comment: ${says}): remove it.`,
    docs: docsFor(ctx),
    tags: ['deprecated'],
  };
}
