import { stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { parseCidr } from '../network';
import { controlPlaneKubeletName, k8sAtLeast, oneFix, rejection, type ComponentContext, shown } from './componentContext';

/**
 * A kubelet nonMasqueradeCIDR that differs from the cluster's. kops v1.18–v1.23 checked any kubelet that sets
 * one; v1.24–v1.26 only with Docker and kubenet; v1.27–v1.28 only those below Kubernetes 1.24 (newer ones
 * reject the setting outright, kubeletFlags.ts). Not checked since v1.29.
 */

function mismatch(cc: ComponentContext, key: string, clusterValue: string, kopsPath: string, detail: string): Violation[] {
  const at = ['spec', key, 'nonMasqueradeCIDR'];
  // A plain string until v1.24 (empty means unset), a pointer since (an empty string is set).
  const own = before(cc.v, '1.24') ? stringAt(cc.doc, at) : stringPointerAt(cc.doc, at);
  if (!structAt(cc.doc, ['spec', key]) || own === undefined || own === clusterValue) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath,
      detail,
      message: `kops ${cc.v.text} needs ${key}.nonMasqueradeCIDR to equal spec.nonMasqueradeCIDR (${clusterValue ? shown(clusterValue) : 'unset'}): remove it or make them equal.`,
      fixes: oneFix('Remove the kubelet nonMasqueradeCIDR', cc.edit.removeKeyKeepingParent(at)),
    }),
  ];
}

const dockerKubenet = (cc: ComponentContext): boolean =>
  stringAt(cc.doc, ['spec', 'containerRuntime']) === 'docker' && stringAt(cc.doc, ['spec', 'kubelet', 'networkPluginName']) === 'kubenet';

function legacyMismatches(cc: ComponentContext, cluster: string): Violation[] {
  const controlPlane = before(cc.v, '1.26') ? 'masterKubelet' : 'controlPlaneKubelet';
  const kubeletPath = before(cc.v, '1.26') ? 'spec.kubelet.nonMasqueradeCIDR' : 'spec.kubelet.networking.nonMasqueradeCIDR';
  const detail = (name: string) => `${name} nonMasqueradeCIDR did not match cluster nonMasqueradeCIDR`;
  return [
    ...mismatch(cc, 'kubelet', cluster, kubeletPath, detail('kubelet')),
    ...mismatch(cc, 'masterKubelet', cluster, `spec.${controlPlane}.nonMasqueradeCIDR`, detail(controlPlane)),
  ];
}

export function kubeletNonMasqueradeRules(cc: ComponentContext): Violation[] {
  if (atLeast(cc.v, '1.29')) return [];
  if (atLeast(cc.v, '1.27')) return belowKubernetes124(cc, stringAt(cc.doc, ['spec', 'nonMasqueradeCIDR']) ?? '');
  const cluster = stringAt(cc.doc, ['spec', 'nonMasqueradeCIDR']);
  if (cluster === undefined) return [];
  if (before(cc.v, '1.23')) return legacyMismatches(cc, cluster);
  if (!parseCidr(cluster)) return [];
  if (before(cc.v, '1.24')) return legacyMismatches(cc, cluster);
  // kops reads the control-plane kubelet without checking it exists: without one it crashes instead.
  if (!dockerKubenet(cc) || !structAt(cc.doc, ['spec', 'kubelet']) || !structAt(cc.doc, ['spec', 'masterKubelet'])) return [];
  return legacyMismatches(cc, cluster);
}

function belowKubernetes124(cc: ComponentContext, cluster: string): Violation[] {
  if (k8sAtLeast(cc, '1.24') || !dockerKubenet(cc)) return [];
  const detail = 'kubelet nonMasqueradeCIDR does not match cluster nonMasqueradeCIDR';
  return ['kubelet', 'masterKubelet'].flatMap((key) => {
    const at = ['spec', key, 'nonMasqueradeCIDR'];
    if (!structAt(cc.doc, ['spec', key]) || (stringPointerAt(cc.doc, at) ?? '') === cluster) return [];
    const kopsPath = `spec.${key === 'kubelet' ? 'kubelet' : controlPlaneKubeletName(cc.v)}.nonMasqueradeCIDR`;
    const message = `kops ${cc.v.text} needs ${key}.nonMasqueradeCIDR to equal spec.nonMasqueradeCIDR (${cluster ? shown(cluster) : 'unset'}) with Docker and kubenet below Kubernetes 1.24.`;
    const fixes = cluster ? oneFix(`Set it to ${shown(cluster)}`, cc.edit.set(at, cluster)) : undefined;
    return [rejection({ at, type: 'Forbidden', kopsPath, detail, message, fixes })];
  });
}
