import { kopsKubernetesVersion } from '../../kops/kubernetesVersion';
import { eraOf, type Era } from '../../kops/eras';
import { compareSemver } from '../../kops/semver';
import type { ClusterRule, ClusterWarningRule } from './ruleContext';
import type { Warning } from './violation';
import { kubernetesVersionOf } from './cluster/clusterDoc';
import { shortText } from './shortText';

/**
 * The Kubernetes versions `kops update cluster` runs (apply_cluster.go validateKubernetesVersion): a minor newer
 * than kops' own fails unless KOPS_RUN_TOO_NEW_VERSION is set, and one older than the release's oldest supported
 * version always fails. kops prints no field error for either; they are reported on `kubernetesVersion` as
 * Forbidden. The oldest-version gate is a warning: specs scoped to other rules keep old versions.
 */

const OLDEST_SUPPORTED: ReadonlyArray<Era & { oldest: string }> = [
  { from: '1.18', until: '1.19', oldest: '1.9' },
  { from: '1.19', until: '1.20', oldest: '1.11' },
  { from: '1.20', until: '1.21', oldest: '1.13' },
  { from: '1.21', until: '1.22', oldest: '1.15' },
  { from: '1.22', until: '1.23', oldest: '1.17' },
  { from: '1.23', until: '1.24', oldest: '1.18' },
  { from: '1.24', until: '1.25', oldest: '1.19' },
  { from: '1.25', until: '1.26', oldest: '1.20' },
  { from: '1.26', until: '1.27', oldest: '1.21' },
  { from: '1.27', until: '1.28', oldest: '1.22' },
  { from: '1.28', until: '1.29', oldest: '1.23' },
  { from: '1.29', until: '1.30', oldest: '1.24' },
  { from: '1.30', until: '1.32', oldest: '1.25' },
  { from: '1.32', until: '1.34', oldest: '1.27' },
  { from: '1.34', until: '1.36', oldest: '1.29' },
  { from: '1.36', oldest: '1.31' },
];

const AT = ['spec', 'kubernetesVersion'];

export const kubernetesTooNewRules: ClusterRule = ({ doc, v }) => {
  const written = kubernetesVersionOf(doc);
  const k8s = written === undefined ? undefined : kopsKubernetesVersion(written);
  if (!written || !k8s || compareSemver(k8s, { major: v.major, minor: v.minor + 1, patch: 0 }) < 0) return [];
  return [
    {
      code: 'kops-kubernetes-version',
      at: AT,
      type: 'Forbidden',
      kopsPath: 'spec.kubernetesVersion',
      detail: 'kops upgrade is required',
      message: `kops update cluster (kops ${v.text}) refuses Kubernetes ${shortText(written, 20)}, newer than it supports: upgrade kops, use 1.${v.minor} or older, or set KOPS_RUN_TOO_NEW_VERSION.`,
    },
  ];
};

export const kubernetesTooOldWarnings: ClusterWarningRule = ({ doc, v }): Warning[] => {
  const written = kubernetesVersionOf(doc);
  const k8s = written === undefined ? undefined : kopsKubernetesVersion(written);
  const oldest = eraOf(v, OLDEST_SUPPORTED)?.oldest;
  if (!written || !k8s || !oldest) return [];
  const [major, minor] = oldest.split('.').map(Number);
  if (compareSemver(k8s, { major, minor, patch: 0 }) >= 0) return [];
  return [
    {
      code: 'kops-kubernetes-version',
      at: AT,
      message: `kops update cluster (kops ${v.text}) refuses Kubernetes ${shortText(written, 20)} ("kubernetes upgrade is required"): it supports ${oldest}.0 and newer, so upgrade Kubernetes.`,
    },
  ];
};
