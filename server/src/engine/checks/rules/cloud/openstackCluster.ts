import type { YamlDocument } from '../../../document/documents';
import { inEra } from '../../../kops/eras';
import { boolAt, isSetAt, stringAt, structAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { parseKubernetesVersion } from '../../../kops/semver';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, kopsPath } from './cloudFacts';

/**
 * OpenStack (kops openstack.go until v1.27; validateCloudConfiguration): a public topology needs the router's
 * external network (from v1.27 a Public subnet does: networkLayout/), and the two storage class switches must agree.
 */

const OPENSTACK = ['spec', 'cloudConfig', 'openstack'] as const;

const hasExternalNetwork = (doc: YamlDocument): boolean => isSetAt(doc, [...OPENSTACK, 'router', 'externalNetwork']);

/** v1.19–v1.26: a public topology (the v1alpha2 default) needs the external network. */
function topologyProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  if (!inEra(v, { from: '1.19', until: '1.27' }) || hasExternalNetwork(doc)) return [];
  if (before(v, '1.24') && !structAt(doc, [...OPENSTACK])) return [];
  const prefix = atLeast(v, '1.26') ? ['spec', 'networking', 'topology'] : ['spec', 'topology'];
  const parts: Array<[string, string]> = [
    ['nodes', 'nodes'],
    ['masters', atLeast(v, '1.26') ? 'controlPlane' : 'masters'],
  ];
  return parts.flatMap(([key, internal]) => {
    const at = ['spec', 'topology', key];
    if ((stringAt(doc, at) ?? 'public') !== 'public') return [];
    return [
      cloudViolation({
        at,
        anchors: [['spec', 'topology'], [...OPENSTACK]],
        type: 'Forbidden',
        kopsPath: kopsPath(...prefix, internal),
        detail: 'Public topology requires an external network',
        message: `A public ${key} topology on OpenStack needs cloudConfig.openstack.router.externalNetwork: set it or use a private topology.`,
      }),
    ];
  });
}

/** v1.19 only: the external cloud controller manager needs Kubernetes 1.13. */
function ccmProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const k8s = parseKubernetesVersion(stringAt(doc, ['spec', 'kubernetesVersion']) ?? '');
  if (
    !inEra(v, { from: '1.19', until: '1.20' }) ||
    !structAt(doc, [...OPENSTACK]) ||
    !structAt(doc, ['spec', 'externalCloudControllerManager'])
  )
    return [];
  if (!k8s || k8s.major !== 1 || k8s.minor >= 13) return [];
  return [
    cloudViolation({
      at: ['spec', 'externalCloudControllerManager'],
      type: 'Forbidden',
      kopsPath: 'spec.cloudControllerManager',
      detail: 'External cloud controller manager for OpenStack is only supported as of kubernetes 1.13',
      message: 'The OpenStack external cloud controller manager needs Kubernetes 1.13 or newer.',
    }),
  ];
}

/** v1.20 and newer: cloudConfig.manageStorageClasses and the OpenStack createStorageClass must agree when both are set. */
export function storageClassProblems(doc: YamlDocument, v: KopsVersion, cloud: string | undefined): Violation[] {
  if (before(v, '1.20') || (atLeast(v, '1.24') && cloud !== 'openstack')) return [];
  const manage = boolAt(doc, ['spec', 'cloudConfig', 'manageStorageClasses']);
  const create = boolAt(doc, [...OPENSTACK, 'blockStorage', 'createStorageClass']);
  if (manage === undefined || create === undefined || manage === create) return [];
  return [
    cloudViolation({
      at: ['spec', 'cloudConfig', 'manageStorageClasses'],
      type: 'Forbidden',
      kopsPath: 'spec.cloudConfig.manageStorageClasses',
      detail: 'Management of storage classes and OpenStack block storage classes are both specified but disagree',
      message: 'cloudConfig.manageStorageClasses and openstack.blockStorage.createStorageClass disagree: set them alike or drop one.',
    }),
  ];
}

export function openstackClusterRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const cloud = cloudProviderOf(doc);
  const own = cloud === 'openstack' ? [...topologyProblems(doc, v), ...ccmProblems(doc, v)] : [];
  return [...own, ...storageClassProblems(doc, v, cloud)];
}
