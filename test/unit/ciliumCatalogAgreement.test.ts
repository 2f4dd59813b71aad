import { strict as assert } from 'assert';
import { allCiliumFieldPaths, ciliumField } from '../../server/src/engine/kops/catalog/ciliumFields';
import { KOPS_RELEASES, namedRelease } from '../../server/src/engine/kops/releases';
import { schemaAt } from '../../server/src/engine/kops/schema/specSchema';

const CILIUM = ['spec', 'networking', 'cilium'];

describe("the curated Cilium catalog agrees with kops' CRDs", () => {
  it('has a key at exactly the releases whose CRD has it, for all releases and Cilium keys', () => {
    const disagreements: string[] = [];
    for (const release of KOPS_RELEASES) {
      const v = namedRelease(release);
      for (const path of allCiliumFieldPaths()) {
        const inCatalog = ciliumField(v, path) !== undefined;
        const inCrd = schemaAt('Cluster', v, [...CILIUM, ...path.split('.')]) !== undefined;
        if (inCatalog !== inCrd) disagreements.push(`${release} ${path}: catalog ${inCatalog}, CRD ${inCrd}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });

  it('and the CRD has no Cilium key the catalog lacks', () => {
    const known = new Set(allCiliumFieldPaths());
    const extra: string[] = [];
    for (const release of KOPS_RELEASES) {
      const cilium = schemaAt('Cluster', namedRelease(release), CILIUM);
      for (const [key, node] of Object.entries(cilium?.properties ?? {})) {
        if (!known.has(key)) extra.push(`${release} ${key}`);
        for (const child of Object.keys(node.properties ?? {})) if (!known.has(`${key}.${child}`)) extra.push(`${release} ${key}.${child}`);
      }
    }
    assert.deepEqual(extra, []);
  });
});
