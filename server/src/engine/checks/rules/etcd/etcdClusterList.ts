import type { EtcdCluster } from '../../../kops/etcdClusters';
import { ETCD_CLUSTERS, etcdClusterPath } from '../../../kops/etcdClusters';
import { before, type KopsVersion } from '../../../kops/releases';
import type { Fix } from '../../../types';
import type { YamlDocument } from '../../../document/documents';
import type { YamlEditor } from '../../../document/yamlEdit';
import { nodeAt } from '../../../document/yamlNav';
import { shortText } from '../shortText';
import type { Violation } from '../violation';

/**
 * kops' checks across the etcd clusters: at least one cluster, no name twice (kops calls this a backup store clash
 * and always blames the first cluster's `backupStore`), the same storage version everywhere and, before kops
 * v1.23, TLS on every cluster or on none.
 */

/** Go's %q for the strings kops prints in a detail. */
const quoted = (s: string): string => JSON.stringify(s);

/**
 * Reported only where `etcdClusters` is written (empty or null): kops also rejects a Cluster without the key, but a
 * document that omits a top-level field is taken as one still being written, as the other rule families do.
 */
export function requiredRule(doc: YamlDocument, clusters: readonly EtcdCluster[], v: KopsVersion): Violation[] {
  if (clusters.length > 0 || nodeAt(doc, ETCD_CLUSTERS) === undefined) return [];
  return [
    {
      code: 'kops-etcd',
      at: ETCD_CLUSTERS,
      type: 'Required',
      kopsPath: 'spec.etcdClusters',
      detail: '',
      message: `kops ${v.text} needs spec.etcdClusters: add the main and events etcd clusters, each with a member per control-plane InstanceGroup.`,
    },
  ];
}

export function duplicateNameRule(clusters: readonly EtcdCluster[], v: KopsVersion): Violation[] {
  const seen = new Set<string>();
  return clusters.flatMap((c) => {
    const repeated = seen.has(c.name);
    seen.add(c.name);
    if (!repeated) return [];
    const label = c.name ? `named ${c.name}` : 'without a name';
    return [
      {
        code: 'kops-etcd',
        at: etcdClusterPath(0, 'backupStore'),
        anchors: [etcdClusterPath(c.index, 'name'), etcdClusterPath(c.index)],
        type: 'Forbidden',
        kopsPath: 'spec.etcdClusters[0].backupStore',
        detail: 'the backup store must be unique for each etcd cluster',
        message: `kops ${v.text} rejects a second etcd cluster ${label} (it reports a backup store clash on the first cluster): rename or remove it.`,
      },
    ];
  });
}

function sameVersionFixes(edit: YamlEditor | undefined, c: EtcdCluster, first: EtcdCluster): Fix[] {
  if (!edit) return [];
  const path = etcdClusterPath(c.index, 'version');
  const edits = first.version ? edit.set(path, first.version) : edit.removeKeyKeepingParent(path);
  const title = first.version
    ? `Use etcd version ${shortText(first.version, 30)}, as the first etcd cluster does`
    : 'Remove version, as the first etcd cluster sets none';
  return edits.length ? [{ title, edits, preferred: true }] : [];
}

export function storageVersionRule(clusters: readonly EtcdCluster[], v: KopsVersion, edit?: YamlEditor): Violation[] {
  const first = clusters[0];
  if (!first) return [];
  return clusters.flatMap((c) => {
    if (c.version === '' || c.version === first.version) return [];
    const theFirst = first.version ? `version ${first.version} of the first etcd cluster` : 'the first etcd cluster, which sets none';
    return [
      {
        code: 'kops-etcd',
        at: etcdClusterPath(c.index, 'version'),
        type: 'Forbidden',
        kopsPath: `spec.etcdClusters[${c.index}].version`,
        detail: `cluster: ${quoted(c.name)}, has a different storage version: ${quoted(c.version)}, both must be the same`,
        message: `kops ${v.text} wants every etcd cluster on the same version, but ${c.version} differs from ${theFirst}: make them match.`,
        fixes: sameVersionFixes(edit, c, first),
      },
    ];
  });
}

export function tlsRule(clusters: readonly EtcdCluster[], v: KopsVersion): Violation[] {
  if (!before(v, '1.23')) return [];
  const withTls = clusters.filter((c) => c.enableEtcdTLS).length;
  if (withTls === 0 || withTls === clusters.length) return [];
  return [
    {
      code: 'kops-etcd',
      at: etcdClusterPath(0, 'enableEtcdTLS'),
      anchors: [...clusters.filter((c) => c.enableEtcdTLS).map((c) => etcdClusterPath(c.index, 'enableEtcdTLS')), etcdClusterPath(0)],
      type: 'Forbidden',
      kopsPath: 'spec.etcdClusters[0].enableEtcdTLS',
      detail: 'both etcd clusters must have TLS enabled or none at all',
      message: `kops ${v.text} wants enableEtcdTLS on every etcd cluster or on none, but ${withTls} of ${clusters.length} have it: make them agree.`,
    },
  ];
}
