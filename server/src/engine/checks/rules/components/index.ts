import { stringAt } from '../../../kops/goValues';
import { parseCidr } from '../network';
import type { ClusterRule } from '../ruleContext';
import { certManagerAddonRules } from './certManagerAddons';
import { cloudAddonRules } from './cloudAddons';
import { componentContext } from './componentContext';
import { containerRuntimeRules } from './containerRuntime';
import { controlPlaneComponentRules } from './controlPlaneComponents';
import { dockerRules } from './docker';
import { kubeApiServerRules } from './kubeApiServer';
import { kubeDnsRules } from './kubeDns';
import { kubeletFlagRules } from './kubeletFlags';
import { kubeletNonMasqueradeRules } from './kubeletNonMasquerade';
import { kubeletValueRules } from './kubeletValues';
import { kubeProxyRules } from './kubeProxy';

/** kops' Cluster validation of its Kubernetes components and addons (code kops-components). */
export const componentRules: ClusterRule = (c) => {
  const cc = componentContext(c);
  if (!cc) return [];
  const serviceRange = stringAt(c.doc, ['spec', 'serviceClusterIPRange']);
  return [
    ...kubeApiServerRules(cc, serviceRange !== undefined && parseCidr(serviceRange) !== undefined),
    ...controlPlaneComponentRules(cc),
    ...kubeProxyRules(cc),
    ...kubeletFlagRules(cc),
    ...kubeletValueRules(cc),
    ...kubeletNonMasqueradeRules(cc),
    ...kubeDnsRules(cc),
    ...containerRuntimeRules(cc),
    ...dockerRules(cc),
    ...cloudAddonRules(cc),
    ...certManagerAddonRules(cc),
  ];
};
