import { ciliumFields, firstKopsWith, pathForV1alpha3Name, type CiliumField, type CiliumParent } from '../../kops/catalog/ciliumFields';
import type { KopsApiVersion } from '../../document/documents';
import { before, type KopsVersion } from '../../kops/releases';

/** Keys kops knows under one Cilium map, spelled as the document's apiVersion spells them. */
export type KeyIndex = Map<string, CiliumField>;

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
const PARENTS: readonly string[] = ['hubble', 'ingress', 'gatewayAPI'];

export const isCiliumParent = (name: string): name is CiliumParent => name === '' || PARENTS.includes(name);

export function keyIndex(v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): KeyIndex {
  const index: KeyIndex = new Map();
  for (const field of ciliumFields(v, parent)) {
    const name = api === 'v1alpha3' ? field.v1alpha3Name : field.path;
    if (name) index.set(lastSegment(name), field);
  }
  return index;
}

/** The first kops release with the key when it exists only after `v`. */
export function newerKopsWith(v: KopsVersion, parent: CiliumParent, key: string, api: KopsApiVersion): string | undefined {
  const spelled = parent ? `${parent}.${key}` : key;
  const path = api === 'v1alpha3' ? pathForV1alpha3Name(spelled) : spelled;
  const since = path ? firstKopsWith(path) : undefined;
  return since && before(v, since) ? since : undefined;
}
