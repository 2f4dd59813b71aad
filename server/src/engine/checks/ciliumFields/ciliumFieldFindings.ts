import { isMap, type YAMLMap } from 'yaml';
import type { CiliumParent } from '../../kops/catalog/ciliumFields';
import type { ParsedFile, YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, PathSegment } from '../../types';
import { keyName, MERGE_KEY, nodeAt } from '../../document/yamlNav';
import { ciliumContext, type CiliumContext } from './context';
import { keyIndex } from './keyIndex';
import { isNestedCiliumParent } from '../../kops/ciliumNaming';
import { CILIUM_PATH } from '../../kops/dialect';
import { lifecycleFindings } from './lifecycle';
import { unknownKeyFinding } from './unknownKeys';
import { valueFindings } from './valueFindings';

function checkMap(ctx: CiliumContext, map: YAMLMap, parent: CiliumParent): Finding[] {
  const index = keyIndex(ctx.v, parent, ctx.api);
  const base: PathSegment[] = parent ? [...CILIUM_PATH, parent] : [...CILIUM_PATH];
  const findings: Finding[] = [];
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key === undefined || key === MERGE_KEY) continue;
    const path = [...base, key];
    const field = index.get(key);
    if (!field) {
      const unknown = unknownKeyFinding(ctx, pair, parent, key, index, path);
      if (unknown) findings.push(unknown);
      continue;
    }
    findings.push(...lifecycleFindings(ctx, map, pair, field, path), ...valueFindings(ctx, pair, field, path));
    if (parent === '' && field.type === 'object' && isNestedCiliumParent(key) && isMap(pair.value)) {
      findings.push(...checkMap(ctx, pair.value, key));
    }
  }
  return findings;
}

/**
 * Per-key checks of spec.networking.cilium against what kops `v` knows: unknown or too-new keys (kops drops them
 * silently), values of the wrong type (kops cannot load the spec), documented-only enum values, and keys kops
 * discards or no longer uses. Enforced enums are kops validation errors and belong to the rules.
 */
export function ciliumFieldFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  if (doc.kops?.kind !== 'Cluster') return [];
  const cilium = nodeAt(doc, [...CILIUM_PATH]);
  const ctx = ciliumContext(file, doc, v);
  if (!ctx || !isMap(cilium)) return [];
  return checkMap(ctx, cilium, '');
}
