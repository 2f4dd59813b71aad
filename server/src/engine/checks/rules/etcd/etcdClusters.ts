import type { YamlDocument } from '../../../document/documents';
import type { YamlEditor } from '../../../document/yamlEdit';
import { crashesOnNullItems, readEtcdClusters } from '../../../kops/etcdClusters';
import { goStringAt } from '../../../kops/goValues';
import type { KopsVersion } from '../../../kops/releases';
import { parseKubernetesVersion } from '../../../kops/semver';
import type { Violation } from '../violation';
import { etcdClusterSpecRules } from './etcdClusterSpec';
import { duplicateNameRule, requiredRule, storageVersionRule, tlsRule } from './etcdClusterList';

/**
 * kops' validation of `spec.etcdClusters` (validation.go, as `kops create -f` runs it) on the Cluster alone, every
 * release from v1.18. The etcd cluster names themselves are etcdNames.ts' (`etcd-cluster-name`).
 */

function kubernetes118OrNewer(doc: YamlDocument): boolean | undefined {
  const text = goStringAt(doc, ['spec', 'kubernetesVersion']);
  const version = text ? parseKubernetesVersion(text) : undefined;
  return version && (version.major > 1 || (version.major === 1 && version.minor >= 18));
}

/** The rejections of the Cluster's etcd clusters; `edit` (on the Cluster document) lets them carry fixes. */
export function etcdViolations(doc: YamlDocument, v: KopsVersion, edit?: YamlEditor): Violation[] {
  const clusters = readEtcdClusters(doc);
  if (!clusters || crashesOnNullItems(clusters, v)) return [];
  if (clusters.length === 0) return requiredRule(doc, clusters, v);
  const ctx = { v, kubernetes118OrNewer: kubernetes118OrNewer(doc) };
  return [
    ...clusters.flatMap((cluster) => etcdClusterSpecRules(cluster, ctx)),
    ...duplicateNameRule(clusters, v),
    ...tlsRule(clusters, v),
    ...storageVersionRule(clusters, v, edit),
  ];
}
