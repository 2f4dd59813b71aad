import { isMap, isSeq } from 'yaml';
import { ciliumEtcdEdits, ciliumEtcdTouches } from '../etcd';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import type { Fix } from '../../types';
import { nodeAt } from '../../document/yamlNav';
import { fix, titlePart, type FixContext, type Fixer } from './context';

/** Fixes around Cilium's own etcd: the `cilium` etcd cluster, etcdManaged, and the kvstore identity mode. */

const etcdNames = (ctx: FixContext): Array<string | undefined> => {
  const clusters = nodeAt(ctx.doc, ['spec', 'etcdClusters']);
  if (!isSeq(clusters)) return [];
  return clusters.items.map((item) => {
    const name = isMap(item) ? item.get('name') : undefined;
    return typeof name === 'string' ? name : undefined;
  });
};

/** `cilium-etcd` and the like: a cluster clearly meant to be Cilium's, only misnamed. */
function misnamedClusterFix(ctx: FixContext): Fix[] {
  const names = etcdNames(ctx);
  const candidates = names.flatMap((n, i) => (n && n !== 'cilium' && n.toLowerCase().includes('cilium') ? [i] : []));
  if (candidates.length !== 1) return [];
  const i = candidates[0];
  return fix(
    `Rename etcd cluster ${titlePart(names[i] ?? '', 28)} to cilium, the name kops looks for`,
    ctx.edit.set(['spec', 'etcdClusters', i, 'name'], 'cilium'),
    { preferred: true },
  );
}

function insertFix(ctx: FixContext, title: string, preferred: boolean): Fix[] {
  const result = ciliumEtcdEdits(ctx.file, ctx.doc, ctx.v, ctx.near);
  return 'edits' in result ? fix(title, result.edits, { touches: ciliumEtcdTouches(ctx.api), ...(preferred ? { preferred } : {}) }) : [];
}

export const needsCluster: Fixer = (ctx) => {
  const rename = misnamedClusterFix(ctx);
  return [
    ...rename,
    ...insertFix(ctx, 'Add the cilium etcd cluster (members mirror main)', rename.length === 0),
    ...fix('Remove etcdManaged', ctx.edit.removeKeyKeepingParent(ciliumPath(dialectFor(ctx.api), 'etcdManaged'))),
  ];
};

export const kvstoreNeedsEtcd: Fixer = (ctx) => {
  const managed = insertFix(ctx, "Use Cilium's managed etcd (etcdManaged: true and the cilium etcd cluster)", true);
  const mode = ciliumPath(dialectFor(ctx.api), 'identityAllocationMode');
  return [
    ...(managed.length ? managed : fix('Set etcdManaged: true', ctx.edit.set(ciliumPath(dialectFor(ctx.api), 'etcdManaged'), 'true'))),
    ...fix('Store identities as CRDs instead (identityAllocationMode: crd)', ctx.edit.set(mode, 'crd')),
  ];
};

export const legacyProvider: Fixer = (ctx) => {
  const i = etcdNames(ctx).indexOf('cilium');
  if (i < 0 || nodeAt(ctx.doc, ['spec', 'etcdClusters', i, 'provider']) === undefined) return [];
  return fix(
    'Remove provider: Legacy (the cilium cluster then runs under etcd-manager)',
    ctx.edit.removeKey(['spec', 'etcdClusters', i, 'provider']),
    { preferred: true },
  );
};
