import type { KopsApiVersion } from '../document/documents';
import type { PathSegment } from '../types';

/** Where the Cilium block lives, in every kops API version. */
export const CILIUM_PATH: readonly string[] = ['spec', 'networking', 'cilium'];

/**
 * Where the fields the rules read live in each kops API version. Rules blame paths of the document's own
 * apiVersion; v1alpha2 stores two Cilium booleans inverted and keeps the CIDRs at spec level.
 */
export interface Dialect {
  api: KopsApiVersion;
  cilium: readonly PathSegment[];
  /** v1alpha2 `disableMasquerade` (inverted) or v1alpha3 `masquerade`. */
  masqueradeKey: string;
  /** v1alpha2 `IPTablesRulesNoinstall` (inverted) or v1alpha3 `installIptablesRules`. */
  iptablesKey: string;
  inverted: boolean;
  nonMasqueradeCIDR: readonly PathSegment[];
  networkCIDR: readonly PathSegment[];
  additionalNetworkCIDRs: readonly PathSegment[];
  controlPlaneKubelet: readonly PathSegment[];
  /** `cloudProvider: aws` (v1alpha2) or `cloudProvider: {aws: {}}` (v1alpha3). */
  cloudProviderIsMap: boolean;
  /** Networking provider key in this apiVersion for kops' internal field name. */
  providerKey(internalName: string): string;
}

const V1ALPHA2_PROVIDER_KEYS: Record<string, string> = { kubeRouter: 'kuberouter', amazonVPC: 'amazonvpc', gcp: 'gce' };

const V1ALPHA2: Dialect = {
  api: 'v1alpha2',
  cilium: CILIUM_PATH,
  masqueradeKey: 'disableMasquerade',
  iptablesKey: 'IPTablesRulesNoinstall',
  inverted: true,
  nonMasqueradeCIDR: ['spec', 'nonMasqueradeCIDR'],
  networkCIDR: ['spec', 'networkCIDR'],
  additionalNetworkCIDRs: ['spec', 'additionalNetworkCIDRs'],
  controlPlaneKubelet: ['spec', 'masterKubelet'],
  cloudProviderIsMap: false,
  providerKey: (name) => V1ALPHA2_PROVIDER_KEYS[name] ?? name.toLowerCase(),
};

const V1ALPHA3: Dialect = {
  api: 'v1alpha3',
  cilium: CILIUM_PATH,
  masqueradeKey: 'masquerade',
  iptablesKey: 'installIptablesRules',
  inverted: false,
  nonMasqueradeCIDR: ['spec', 'networking', 'nonMasqueradeCIDR'],
  networkCIDR: ['spec', 'networking', 'networkCIDR'],
  additionalNetworkCIDRs: ['spec', 'networking', 'additionalNetworkCIDRs'],
  controlPlaneKubelet: ['spec', 'controlPlaneKubelet'],
  cloudProviderIsMap: true,
  providerKey: (name) => (name === 'kuberouter' ? 'kubeRouter' : name === 'amazonvpc' ? 'amazonVPC' : name === 'gce' ? 'gcp' : name),
};

export const dialectFor = (api: KopsApiVersion): Dialect => (api === 'v1alpha3' ? V1ALPHA3 : V1ALPHA2);

export const ciliumPath = (d: Dialect, ...rest: PathSegment[]): PathSegment[] => [...d.cilium, ...rest];
