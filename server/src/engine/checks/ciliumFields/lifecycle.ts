import { isScalar, type Pair, type YAMLMap } from 'yaml';
import { YamlEditor } from '../../document/yamlEdit';
import type { KopsCommentSays } from '../../kops/catalog/ciliumComments';
import type { CiliumField } from '../../kops/catalog/ciliumFields';
import type { Finding, Fix, PathSegment, Range } from '../../types';
import { formatPath } from '../../types';
import { docsFor, rangeOf, type CiliumContext } from './context';
import { releaseName } from '../../kops/releases';

/** Deletes a block-style `key: value` entry with its whole lines; undefined when that would be unsafe or unclear. */
export function removalFix(ctx: CiliumContext, map: YAMLMap, pair: Pair, title: string): Fix | undefined {
  if (map.items.length < 2 || map.flow) return undefined;
  const edits = new YamlEditor(ctx.file, ctx.doc).removeEntry(map, pair);
  return edits.length ? { title, edits, fixAllSafe: true } : undefined;
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
