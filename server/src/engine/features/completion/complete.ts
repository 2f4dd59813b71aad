import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { cursorContext } from '../../document/cursor/cursorContext';
import type { Position } from '../../types';
import { ciliumKeyItems, ciliumValueItems } from './ciliumItems';
import { ciliumParentOf } from '../../kops/ciliumNaming';
import { isRoleValue, roleValueItems } from './roleItems';
import { schemaKeyItems, schemaValueItems } from './schemaItems';
import { starterItems } from './starterItems';
import type { CompletionEntry } from './types';

/**
 * Completion at `pos`: Cilium keys and values from the kops catalog under spec.networking.cilium, CRD schema keys
 * elsewhere in Cluster and InstanceGroup documents (an InstanceGroup's role: the roles kops accepts), nothing in
 * other documents; in a file holding nothing but comments yet, the whole-file starters.
 */
export function complete(file: ParsedFile, pos: Position, eff: EffectiveVersion): CompletionEntry[] {
  const starters = starterItems(file, pos);
  if (starters) return starters;
  const ctx = cursorContext(file, pos);
  const kops = ctx?.doc.kops;
  if (!ctx || !kops) return [];
  const v = eff.version;
  const cilium = kops.kind === 'Cluster' ? ciliumParentOf(ctx.path) : undefined;
  if (cilium !== undefined) {
    return ctx.mode === 'key' ? ciliumKeyItems(ctx, v, cilium, kops.apiVersion) : ciliumValueItems(ctx, v, cilium, kops.apiVersion);
  }
  if (kops.kind === 'InstanceGroup' && isRoleValue(ctx)) return roleValueItems(ctx, v, kops.apiVersion);
  return ctx.mode === 'key' ? schemaKeyItems(ctx, kops.kind, v) : schemaValueItems(ctx, kops.kind, v);
}
