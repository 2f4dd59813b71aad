import type { YamlDocument } from '../../../document/documents';
import { clustersWithoutMember, crashesOnNullItems, readEtcdClusters } from '../../../kops/etcdClusters';
import { membershipDetail } from '../../../kops/etcdMembership';
import { controlPlaneRole } from '../../../kops/instanceGroupRoles';
import { goStringAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { readCluster } from '../clusterFacts';
import { etcdNameRules } from '../etcdNames';
import { etcdViolations } from './etcdClusters';

/**
 * Every control-plane InstanceGroup must run a member of each etcd cluster (ValidateMasterInstanceGroup, since
 * kops v1.26 ValidateControlPlaneInstanceGroup, run by CrossValidateInstanceGroup). kops blames the
 * InstanceGroup under the path `spec.metadata.name`. It never checks the reverse: a member may name an
 * InstanceGroup that does not exist. kops stops at a Cluster that fails validation, so an InstanceGroup is not
 * checked against a Cluster whose etcd clusters kops rejects (the rest of the Cluster is other families' concern).
 */

function etcdNamesRejected(cluster: YamlDocument, v: KopsVersion): boolean {
  const facts = readCluster(cluster);
  return facts !== undefined && etcdNameRules(facts, v).length > 0;
}

/** v1alpha2 roles that decode to the control-plane role: `ControlPlane` is read as itself from kops v1.26. */
const isControlPlane = (role: string, v: KopsVersion): boolean => role === 'Master' || (role === 'ControlPlane' && atLeast(v, '1.26'));

export function controlPlaneMembershipRule(g: InstanceGroupContext): Violation[] {
  const { cluster, doc, v } = g;
  if (!cluster || cluster.kops?.apiVersion !== 'v1alpha2') return [];
  const role = goStringAt(doc, ['spec', 'role']);
  const name = goStringAt(doc, ['metadata', 'name']);
  if (role === undefined || name === undefined || !isControlPlane(role, v)) return [];
  const clusters = readEtcdClusters(cluster);
  if (!clusters || crashesOnNullItems(clusters, v)) return [];
  // kops validates the Cluster first and stops there when it fails.
  if (etcdViolations(cluster, v).length > 0 || etcdNamesRejected(cluster, v)) return [];
  return clustersWithoutMember(clusters, name).map((etcd) => ({
    code: 'kops-etcd',
    at: ['metadata', 'name'],
    anchors: [['metadata'], ['spec', 'role']],
    type: 'Forbidden',
    kopsPath: 'spec.metadata.name',
    detail: membershipDetail(name, controlPlaneRole(v), etcd.name),
    message: `kops ${v.text} needs a member of etcd cluster ${etcd.name || '(unnamed)'} on control-plane InstanceGroup ${name}: add one to that cluster's etcdMembers.`,
  }));
}
