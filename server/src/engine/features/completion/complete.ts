import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { cursorContext } from '../../document/cursor/cursorContext';
import type { Position } from '../../types';
import { rethrow, type ErrorSink } from '../../errorBoundary';
import { ciliumKeyItems, ciliumValueItems } from './ciliumItems';
import { ciliumParentOf } from '../../kops/ciliumNaming';
import { isRoleValue, roleValueItems } from './roleItems';
import { scenarioItems } from './scenarioItems';
import { schemaKeyItems, schemaValueItems } from './schemaItems';
import { starterItems } from './starterItems';
import type { CompletionEntry } from './types';

/**
 * Completion at `pos`: Cilium keys and values from the kops catalog under spec.networking.cilium, CRD schema keys
 * elsewhere in Cluster and InstanceGroup documents (an InstanceGroup's role: the roles kops accepts), the Cilium
 * guide's scenarios where a Cluster key is typed on its own line, nothing in other documents; in a file holding
 * nothing but comments yet, the whole-file starters. A scenario the edit guard holds back is reported to `report`.
 */
export function complete(file: ParsedFile, pos: Position, eff: EffectiveVersion, report: ErrorSink = rethrow): CompletionEntry[] {
  const starters = starterItems(file, pos);
  if (starters) return starters;
  const ctx = cursorContext(file, pos);
  const kops = ctx?.doc.kops;
  if (!ctx || !kops) return [];
  const v = eff.version;
  const cilium = kops.kind === 'Cluster' ? ciliumParentOf(ctx.path) : undefined;
  if (cilium !== undefined) {
    if (ctx.mode !== 'key') return ciliumValueItems(ctx, v, cilium, kops.apiVersion);
    return [...ciliumKeyItems(ctx, v, cilium, kops.apiVersion), ...scenarioItems(file, pos, ctx, v, report)];
  }
  if (kops.kind === 'InstanceGroup' && isRoleValue(ctx)) return roleValueItems(ctx, v, kops.apiVersion);
  if (ctx.mode !== 'key') return schemaValueItems(ctx, kops.kind, v);
  const scenarios = kops.kind === 'Cluster' ? scenarioItems(file, pos, ctx, v, report) : [];
  return [...schemaKeyItems(ctx, kops.kind, v), ...scenarios];
}
