import type { KopsVersion } from '../../kops/releases';
import type { ClusterFacts } from './clusterFacts';
import { eraOf, inAnyEra, type Era } from '../../kops/eras';
import { supportedValuesDetail, type Violation } from './violation';

/**
 * kops accepts only known etcd cluster names, so Cilium's own etcd must be called exactly `cilium`.
 * The check arrived in patch releases (v1.21.5, v1.22.3) and has been in every release since v1.23.
 */

const CHECKED: readonly Era[] = [{ from: '1.21.5', until: '1.22' }, { from: '1.22.3' }];
const NAMES: ReadonlyArray<Era & { names: string[] }> = [
  { from: '1.21', until: '1.36', names: ['cilium', 'main', 'events'] },
  { from: '1.36', names: ['cilium', 'main', 'events', 'leases'] },
];

export function etcdNameRules(c: ClusterFacts, v: KopsVersion): Violation[] {
  const names = eraOf(v, NAMES)?.names;
  if (!names || !inAnyEra(v, CHECKED) || !c.etcdClusters) return [];
  return c.etcdClusters.flatMap((cluster, i) => {
    const name = cluster.name ?? '';
    if (!cluster.decodable || names.includes(name)) return [];
    const leases = names.includes('leases') ? '' : ' (leases from v1.36)';
    const rename = name.includes('cilium') ? `rename "${name}" to cilium` : `rename "${name}"`;
    return [
      {
        code: 'etcd-cluster-name',
        at: ['spec', 'etcdClusters', i, 'name'],
        anchors: [['spec', 'etcdClusters', i]],
        type: 'NotSupported' as const,
        kopsPath: `spec.etcdClusters[${i}].name`,
        detail: supportedValuesDetail(names),
        message: `kops ${v.text} accepts only the etcd cluster names ${names.join(', ')}${leases}: ${rename}.`,
      },
    ];
  });
}
