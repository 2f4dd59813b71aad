import { firstKopsWith, pathForV1alpha3Name, type CiliumField, type CiliumParent } from '../../kops/catalog/ciliumFields';
import { namedFields } from '../../kops/ciliumNaming';
import type { KopsApiVersion } from '../../document/documents';
import { before, type KopsVersion } from '../../kops/releases';

/** Keys kops knows under one Cilium map, spelled as the document's apiVersion spells them. */
export type KeyIndex = Map<string, CiliumField>;

export const keyIndex = (v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): KeyIndex =>
  new Map(namedFields(v, parent, api).map(({ name, field }) => [name, field]));

/** The first kops release with the key when it exists only after `v`. */
export function newerKopsWith(v: KopsVersion, parent: CiliumParent, key: string, api: KopsApiVersion): string | undefined {
  const spelled = parent ? `${parent}.${key}` : key;
  const path = api === 'v1alpha3' ? pathForV1alpha3Name(spelled) : spelled;
  const since = path ? firstKopsWith(path) : undefined;
  return since && before(v, since) ? since : undefined;
}
