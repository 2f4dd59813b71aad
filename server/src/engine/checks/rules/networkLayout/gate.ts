import { acceptedCloudProviders } from '../cluster/cloudProviders';
import type { KopsVersion } from '../../../kops/releases';
import type { YamlDocument } from '../../../document/documents';
import { stringAt } from '../../../kops/goValues';
import { parseKubernetesVersion, type SemVer } from '../../../kops/semver';

/**
 * Whether kops gets as far as these rules: `kops create -f` first builds the cloud (a known cloudProvider), and
 * kops' validation stops at a kubernetesVersion it cannot parse (one left out is filled in from the channel).
 */

export const kubernetesVersionOf = (doc: YamlDocument): SemVer | undefined => {
  const text = stringAt(doc, ['spec', 'kubernetesVersion']);
  return text === undefined ? undefined : parseKubernetesVersion(text);
};

export function kopsReachesNetworkRules(doc: YamlDocument, cloud: string, v: KopsVersion): boolean {
  if (!acceptedCloudProviders(v).includes(cloud)) return false;
  const version = stringAt(doc, ['spec', 'kubernetesVersion']);
  if (version === undefined) return stringAt(doc, ['spec', 'channel']) !== undefined;
  return parseKubernetesVersion(version) !== undefined;
}
