import { nodeAt } from '../../../document/yamlNav';
import { inEra, type Era } from '../../../kops/eras';
import { parseGoDuration } from '../../../kops/goDuration';
import { boolAt, stringAt, structAt } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import { parseCidr, type Cidr } from '../network';
import type { Violation } from '../violation';
import { controlPlaneKubeletName, k8sAtLeast, oneFix, rejection, type ComponentContext, shown } from './componentContext';

/**
 * kube-controller-manager and kube-scheduler rules, and the cloud provider each component may name: kops
 * accepts only `external` or the cluster's own cloud there.
 */

const KCM = ['spec', 'kubeControllerManager'];

const durationAt = (cc: ComponentContext, path: string[]): number | undefined => {
  const text = stringAt(cc.doc, path);
  return text === undefined ? undefined : parseGoDuration(text);
};

function signingDuration(cc: ComponentContext): Violation[] {
  const at = [...KCM, 'experimentalClusterSigningDuration'];
  if (before(cc.v, '1.29') || durationAt(cc, at) === undefined) return [];
  if (before(cc.v, '1.32') && !k8sAtLeast(cc, '1.25')) return [];
  const target = [...KCM, 'ClusterSigningDuration'];
  const fixes =
    nodeAt(cc.doc, target) === undefined
      ? oneFix('Rename to ClusterSigningDuration', cc.edit.renameKey(at, 'ClusterSigningDuration'))
      : undefined;
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.kubeControllerManager.experimentalClusterSigningDuration',
      detail: 'experimentalClusterSigningDuration has been replaced with clusterSigningDuration as of kubernetes 1.25',
      message: `kops ${cc.v.text} replaced experimentalClusterSigningDuration with ClusterSigningDuration (Kubernetes 1.25+): rename the key.`,
      fixes,
    }),
  ];
}

/** kops' subnet.BelongsTo: `child` lies inside `parent` (parent's network bits equal, parent no longer). */
function belongsTo(parent: Cidr, child: Cidr): boolean {
  if (parent.bytes.length !== child.bytes.length || parent.prefix > child.prefix) return false;
  return child.bytes.every((b, i) => {
    const bits = Math.max(0, Math.min(8, parent.prefix - i * 8));
    return (b & ((0xff << (8 - bits)) & 0xff)) === parent.bytes[i];
  });
}

function clusterCidr(cc: ComponentContext): Violation[] {
  const at = [...KCM, 'clusterCIDR'];
  const written = stringAt(cc.doc, at);
  if (written === undefined) return [];
  const kopsPath = 'spec.kubeControllerManager.clusterCIDR';
  const cidr = parseCidr(written);
  if (!cidr) {
    const message = `kops ${cc.v.text} cannot parse kubeControllerManager.clusterCIDR ${shown(written)}: write a CIDR such as 100.96.0.0/11.`;
    return [rejection({ at, type: 'Invalid', kopsPath, detail: 'cluster had an invalid kubeControllerManager.clusterCIDR', message })];
  }
  const nonMasqueradeText = stringAt(cc.doc, ['spec', 'nonMasqueradeCIDR']);
  const nonMasquerade = nonMasqueradeText === undefined ? undefined : parseCidr(nonMasqueradeText);
  if (!nonMasquerade || belongsTo(nonMasquerade, cidr)) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath,
      detail: `kubeControllerManager.clusterCIDR ${JSON.stringify(written)} must be a subnet of nonMasqueradeCIDR ${JSON.stringify(nonMasqueradeText)}`,
      message: `kops ${cc.v.text} needs kubeControllerManager.clusterCIDR ${shown(written)} inside nonMasqueradeCIDR ${shown(nonMasqueradeText ?? '')}: pick a range within it.`,
    }),
  ];
}

function policyConfigMap(cc: ComponentContext): Violation[] {
  const at = ['spec', 'kubeScheduler', 'usePolicyConfigMap'];
  if (before(cc.v, '1.29') || !structAt(cc.doc, ['spec', 'kubeScheduler']) || boolAt(cc.doc, at) === undefined) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.kubeScheduler.usePolicyConfigMap',
      detail: 'usePolicyConfigMap is deprecated, use KubeSchedulerConfiguration',
      message: `kops ${cc.v.text} no longer takes kubeScheduler.usePolicyConfigMap: remove it and configure the scheduler with a KubeSchedulerConfiguration.`,
      fixes: oneFix('Remove usePolicyConfigMap', cc.edit.removeKeyKeepingParent(at)),
    }),
  ];
}

/** The --cloud-provider value kops expects of the components, per cloud and the releases it applies to. */
const COMPONENT_CLOUD: ReadonlyArray<Era & { cloud: string; flag: string }> = [
  { from: '1.18', cloud: 'aws', flag: 'aws' },
  { from: '1.18', cloud: 'gce', flag: 'gce' },
  { from: '1.18', cloud: 'digitalocean', flag: 'external' },
  { from: '1.18', cloud: 'openstack', flag: 'openstack' },
  { from: '1.18', until: '1.19', cloud: 'baremetal', flag: '' },
  { from: '1.18', until: '1.24', cloud: 'alicloud', flag: 'alicloud' },
  { from: '1.20', cloud: 'azure', flag: 'azure' },
  { from: '1.24', cloud: 'hetzner', flag: 'external' },
  { from: '1.26', cloud: 'scaleway', flag: 'external' },
  { from: '1.36', cloud: 'linode', flag: 'external' },
];

function componentCloudProviders(cc: ComponentContext): Violation[] {
  const flag = COMPONENT_CLOUD.find((e) => e.cloud === cc.cloud && inEra(cc.v, e))?.flag;
  if (flag === undefined) return [];
  // From kops v1.32.2 the API server's flag is checked only below Kubernetes 1.33 (it no longer takes one).
  const apiServerChecked = before(cc.v, '1.32.2') || !k8sAtLeast(cc, '1.33');
  const components = [
    { key: 'kubelet', name: 'kubelet' },
    { key: 'masterKubelet', name: controlPlaneKubeletName(cc.v) },
    ...(apiServerChecked ? [{ key: 'kubeAPIServer', name: 'kubeAPIServer' }] : []),
    { key: 'kubeControllerManager', name: 'kubeControllerManager' },
  ];
  return components.flatMap(({ key, name }) => {
    const at = ['spec', key, 'cloudProvider'];
    const written = stringAt(cc.doc, at);
    if (!structAt(cc.doc, ['spec', key]) || written === undefined || written === 'external' || written === flag) return [];
    const expected = flag === '' ? 'external' : `${flag} or external`;
    return [
      rejection({
        at,
        type: 'Forbidden',
        kopsPath: `spec.${name}.cloudProvider`,
        detail: 'Did not match cluster cloudProvider',
        message: `kops ${cc.v.text} wants ${key}.cloudProvider to be ${expected} here, not ${shown(written)}: remove it (kops sets it).`,
        fixes: oneFix('Remove cloudProvider (kops sets it)', cc.edit.removeKeyKeepingParent(at)),
      }),
    ];
  });
}

export function controlPlaneComponentRules(cc: ComponentContext): Violation[] {
  const kcm = structAt(cc.doc, KCM) ? [...signingDuration(cc), ...clusterCidr(cc)] : [];
  return [...kcm, ...policyConfigMap(cc), ...componentCloudProviders(cc)];
}
