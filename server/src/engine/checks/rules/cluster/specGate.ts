import type { YamlDocument } from '../../../document/documents';
import { kopsKubernetesVersion } from '../../../kops/kubernetesVersion';
import type { KopsVersion } from '../../../kops/releases';
import { supportedValuesDetail, type Violation } from '../violation';
import { acceptedCloudProviders, refusedAtDecode } from './cloudProviders';
import { cloudProviderOf, kubernetesVersionOf } from './clusterDoc';
import { shortText } from '../shortText';

/**
 * What stops kops before any other check: a `cloudProvider` the v1alpha2 conversion refuses (v1.24 on), then a
 * `kubernetesVersion` kops cannot parse (ValidateCluster returns at once; DeepValidate never reaches the
 * InstanceGroups). kops then reports this error alone.
 */
export function specGate(doc: YamlDocument, v: KopsVersion): Violation | undefined {
  const provider = cloudProviderOf(doc);
  const accepted = acceptedCloudProviders(v);
  if (provider !== undefined && refusedAtDecode(v) && !accepted.includes(provider)) {
    return {
      code: 'kops-cluster',
      at: ['spec', 'cloudProvider'],
      type: 'NotSupported',
      kopsPath: 'spec.cloudProvider',
      detail: supportedValuesDetail(accepted),
      message: `kops ${v.text} cannot load cloudProvider ${shortText(provider, 20)}, so it checks nothing else: use ${accepted.join(', ')}.`,
    };
  }
  const version = kubernetesVersionOf(doc);
  if (version === undefined || kopsKubernetesVersion(version)) return undefined;
  return {
    code: 'kops-cluster',
    at: ['spec', 'kubernetesVersion'],
    type: 'Invalid',
    kopsPath: 'spec.kubernetesVersion',
    detail: 'unable to determine kubernetes version',
    message: `kops ${v.text} cannot parse kubernetesVersion ${shortText(version, 30)} and stops checking there: write a version such as 1.${v.minor}.0.`,
  };
}
