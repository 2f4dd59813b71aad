import type { KopsKind } from '../../document/documents';
import type { PathSegment } from '../../types';

/**
 * kops publishes no v1alpha3 CRD, so v1alpha3 documents are checked against the v1alpha2 schema, minus the places
 * where v1alpha3 moved or renamed keys (per the kops conversion test pair: `api.access`, `api.publicName`,
 * `configStore`, `networking.subnets`/`topology`/`networkCIDR`, IG `associatePublicIP`, Cilium `masquerade` …).
 * Under those parents a v1alpha2-unknown key may be a valid v1alpha3 key, so no unknown-key finding is made.
 */
const RESHAPED_PARENTS: Record<KopsKind, ReadonlyArray<readonly string[]>> = {
  Cluster: [['spec'], ['spec', 'api'], ['spec', 'networking']],
  InstanceGroup: [['spec']],
};

/** Keys whose v1alpha3 type differs from v1alpha2 (`cloudProvider: {aws: {}}`, `configStore: {base: …}`). */
const RETYPED: Record<KopsKind, ReadonlyArray<readonly string[]>> = {
  Cluster: [
    ['spec', 'cloudProvider'],
    ['spec', 'configStore'],
  ],
  InstanceGroup: [],
};

const same = (a: readonly PathSegment[], b: readonly string[]): boolean => a.length === b.length && b.every((s, i) => a[i] === s);
const within = (path: readonly PathSegment[], prefix: readonly string[]): boolean =>
  path.length >= prefix.length && prefix.every((s, i) => path[i] === s);

export const v1alpha3MayDefineKeyUnder = (kind: KopsKind, parent: readonly PathSegment[]): boolean =>
  RESHAPED_PARENTS[kind].some((p) => same(parent, p));

export const v1alpha3MayRetype = (kind: KopsKind, path: readonly PathSegment[]): boolean => RETYPED[kind].some((p) => within(path, p));
