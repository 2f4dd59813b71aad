import type { ClusterRule } from '../ruleContext';
import { calicoRules } from './calico';
import { canalRules, flannelRules } from './flannelCanal';
import { kindnetRules } from './kindnet';
import { providerRules } from './providers';
import { networkingScope } from './scope';

/**
 * The provider part of kops' validateNetworking (and, before v1.27, the Calico check validateClusterSpec ran
 * beside it), kops v1.18 to v1.36. More than one provider is networkingOptions.ts' finding. kops stops before
 * them when it cannot read kubernetesVersion (a URL form kops reads is not judged either).
 */
export const networkingProviderRules: ClusterRule = (c) => {
  const s = networkingScope(c);
  if (s.kubernetesUnreadable) return [];
  return [...providerRules(s), ...flannelRules(s), ...canalRules(s), ...calicoRules(s), ...kindnetRules(s)];
};
