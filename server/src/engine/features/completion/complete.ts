import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { cursorContext } from '../../document/cursor/cursorContext';
import type { Position } from '../../types';
import { ciliumKeyItems, ciliumValueItems } from './ciliumItems';
import { ciliumParentOf } from '../../kops/ciliumNaming';
import { instanceGroupValueItems } from './instanceGroupValueItems';
import { scenarioItems } from './scenarioItems';
import { schemaKeyItems, schemaValueItems } from './schemaItems';
import { starterItems } from './starterItems';
import type { CompletionEntry } from './types';

/**
 * Completion at `pos`: Cilium keys and values from the kops catalog under spec.networking.cilium, CRD schema keys
 * elsewhere in Cluster and InstanceGroup documents (an InstanceGroup setting kops checks against a list: that list), the Cilium
 * guide's scenarios where a Cluster key is typed on its own line, nothing in other documents; in a file holding
 * nothing but comments yet, the whole-file starters.
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
    if (ctx.mode !== 'key') return ciliumValueItems(ctx, v, cilium, kops.apiVersion);
    return [...ciliumKeyItems(ctx, v, cilium, kops.apiVersion), ...scenarioItems(file, pos, ctx, v)];
  }
  const igValues = kops.kind === 'InstanceGroup' ? instanceGroupValueItems(ctx, v, kops.apiVersion) : undefined;
  if (igValues) return igValues;
  if (ctx.mode !== 'key') return schemaValueItems(ctx, kops.kind, v);
  const scenarios = kops.kind === 'Cluster' ? scenarioItems(file, pos, ctx, v) : [];
  return [...schemaKeyItems(ctx, kops.kind, v), ...scenarios];
}
