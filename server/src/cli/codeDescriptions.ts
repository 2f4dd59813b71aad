/** One-line descriptions of finding codes for SARIF rule metadata (a finding's own message is the fallback). */
const DESCRIPTIONS: Record<string, string> = {
  'yaml-syntax': 'The document is not valid YAML.',
  'kops-version-unknown': 'The requested kops version is malformed or not known to kops-spec.',
  'schema-unknown-key': 'kops does not know this key and silently drops it.',
  'schema-key-newer-kops': 'This key exists only in a newer kops release than the one checked against.',
  'schema-type': 'The value has a type kops cannot decode.',
  'schema-quantity': 'The value is not a valid Kubernetes quantity.',
  'cilium-unknown-key': 'kops does not know this key under spec.networking.cilium and silently drops it.',
  'cilium-key-too-new': 'This Cilium key exists only in a newer kops release than the one checked against.',
  'cilium-type': 'The value of this Cilium key has a type kops cannot decode.',
  'cilium-enum': 'The value is not one of the documented values for this Cilium key.',
  'cilium-dead-key': 'kops discards this Cilium key; it has no effect.',
  'cilium-no-effect': 'kops still accepts this Cilium key but it no longer changes the Cilium configuration.',
  'cilium-version-prefix': 'The Cilium version must start with v.',
  'cilium-version-semver': 'The Cilium version is not a full semantic version.',
  'cilium-version-supported': 'This kops release does not support the Cilium version.',
  'cilium-version-k8s-gate': 'The Cilium version does not fit the cluster\'s Kubernetes version.',
  'cilium-ipv6-version': 'IPv6 needs a newer Cilium version.',
  'cilium-hubble-certmanager': 'Hubble needs cert-manager enabled in the cluster spec.',
  'cilium-hubble-version': 'Hubble needs a newer Cilium version.',
  'cilium-wireguard-version': 'WireGuard encryption needs a newer Cilium version.',
  'cilium-wireguard-l7proxy': 'WireGuard encryption cannot be combined with the L7 proxy in this kops release.',
  'cilium-servicetopology-version': 'Service topology needs a newer Cilium version.',
  'cilium-nodeport-kubeproxy': 'Cilium NodePort needs kube-proxy disabled.',
  'cilium-kvstore-needs-etcd': 'kvstore identity allocation needs Cilium\'s managed etcd.',
  'cilium-bpflbsock-hostns': 'bpfLBSockHostNSOnly needs bpfLBSock enabled.',
  'cilium-encryption-ipv6': 'Cilium encryption is not supported on IPv6 clusters.',
  'cilium-encryptiontype-needs-enable': 'encryptionType needs enableEncryption.',
  'cilium-l7proxy-iptables': 'The L7 proxy needs Cilium\'s iptables rules installed.',
  'cilium-eni-aws-only': 'Cilium ENI IPAM works only on AWS.',
  'cilium-eni-ipv6': 'Cilium ENI IPAM does not support IPv6.',
  'cilium-eni-masquerade': 'This kops release constrains masquerading with Cilium ENI IPAM.',
  'cilium-etcd-legacy-provider': 'The Cilium etcd cluster cannot use the Legacy provider.',
  'cilium-etcdmanaged-needs-cluster': 'Cilium managed etcd needs an etcd cluster named cilium.',
  'networking-single-option': 'Only one networking provider may be configured.',
  'nonmasq-overlap-eni-exempt': 'nonMasqueradeCIDR overlaps the network CIDR.',
  'nodelocaldns-clusterdns-cilium': 'With NodeLocal DNS and Cilium, kubelet clusterDNS must be the local DNS IP.',
  'etcd-cluster-name': 'The etcd cluster name is not one kops accepts.',
  'compat-bpflbsock-hostns': 'A newer kops release rejects this bpfLBSock combination.',
  'compat-eni-masquerade-default': 'The masquerade default with Cilium ENI IPAM differs between kops releases.',
  'compat-eni-masquerade-upgrade': 'The masquerade setting with Cilium ENI IPAM fails on another kops release.',
};

const ENUM_PREFIX = 'cilium-enum-';

export function describeCode(code: string): string | undefined {
  if (DESCRIPTIONS[code]) return DESCRIPTIONS[code];
  if (code.startsWith(ENUM_PREFIX)) return `kops accepts only certain values for the Cilium key ${code.slice(ENUM_PREFIX.length)}.`;
  return undefined;
}
