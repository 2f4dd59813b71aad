/**
 * Defaults that changed across kops releases (read from pkg/model/components/cilium.go at every kops minor tag,
 * and from the Cilium addon template for v1.18, which had no spec defaulting). Keys not listed here keep the
 * newest default (generated from the fact base) for as long as they exist. Notes are our own words.
 */
export interface DefaultEra {
  from: string; // first kops version of this era
  value?: string; // YAML text; undefined = kops does not default the key in this era
  note?: string;
}

/** v1.18 filled some values in only while rendering the Cilium manifest; the spec kept them unset. */
export const MANIFEST_ONLY_NOTE = 'kops 1.18 applies this only in the rendered manifest, not in the spec';

export const DEFAULT_HISTORY: Record<string, DefaultEra[]> = {
  ipam: [
    { from: 'v1.18.0', note: 'kops 1.18 leaves it unset, so Cilium uses its own IPAM default' },
    { from: 'v1.19.0', value: 'kubernetes', note: 'hostscope when the Cilium version is older than 1.8' },
    { from: 'v1.22.0', value: 'kubernetes' },
  ],
  tunnel: [
    { from: 'v1.18.0', value: 'vxlan' },
    { from: 'v1.21.0', value: 'vxlan', note: 'disabled when ipam is eni' },
    { from: 'v1.23.0', value: 'vxlan', note: 'disabled when ipam is eni or the cluster is IPv6-only' },
  ],
  disableMasquerade: [
    { from: 'v1.18.0', note: 'unset means Cilium masquerades pod traffic' },
    { from: 'v1.22.0', value: 'false', note: 'true when ipam is eni' },
    { from: 'v1.23.0', value: 'false', note: 'true when ipam is eni or the cluster is IPv6-only' },
    { from: 'v1.26.0', value: 'false', note: 'true on IPv6-only clusters' },
  ],
  enableBPFMasquerade: [
    { from: 'v1.22.0', value: 'false' },
    { from: 'v1.26.0', value: 'false', note: 'true when ipam is eni' },
  ],
  enableRemoteNodeIdentity: [
    { from: 'v1.18.0', note: 'unset means off in kops 1.18' },
    { from: 'v1.19.0', value: 'true' },
  ],
  containerRuntimeLabels: [{ from: 'v1.18.0', value: 'none' }, { from: 'v1.23.0' }],
  encryptionType: [{ from: 'v1.22.0', value: 'ipsec', note: 'set only when enableEncryption is true' }],
  enableNodePort: [{ from: 'v1.18.0', note: 'not defaulted; `kops create cluster` writes true for new clusters' }],
  preallocateBPFMaps: [{ from: 'v1.18.0', note: 'not defaulted; the manifest renders false' }],
  registry: [{ from: 'v1.28.0', note: 'not defaulted; images come from quay.io unless set' }],
  hubble: [{ from: 'v1.19.0', value: '{enabled: false}', note: 'no hubble block means Hubble is off' }],
  'hubble.enabled': [{ from: 'v1.19.0', value: 'true', note: 'true once a hubble block exists; no block means off' }],
  ingress: [{ from: 'v1.29.0', value: '{enabled: false}', note: 'no ingress block means the controller is off' }],
  'ingress.enabled': [{ from: 'v1.29.0', value: 'true', note: 'true once an ingress block exists; no block means off' }],
  'ingress.enforceHttps': [{ from: 'v1.29.0', note: 'left to Cilium, which redirects to HTTPS' }],
  'ingress.enableSecretsSync': [{ from: 'v1.29.0', note: 'left to Cilium, which syncs secrets' }],
  'ingress.defaultLoadBalancerMode': [{ from: 'v1.29.0', note: 'left to Cilium, which uses dedicated' }],
  'ingress.sharedLoadBalancerServiceName': [{ from: 'v1.29.0', note: 'left to Cilium, which uses cilium-ingress' }],
  gatewayAPI: [{ from: 'v1.32.0', value: '{enabled: false}', note: 'no gatewayAPI block means it is off' }],
  'gatewayAPI.enabled': [{ from: 'v1.32.0', value: 'true', note: 'true once a gatewayAPI block exists; no block means off' }],
  'gatewayAPI.enableSecretsSync': [{ from: 'v1.32.0', note: 'left to Cilium, which syncs secrets' }],
};
