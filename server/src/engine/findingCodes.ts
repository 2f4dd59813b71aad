/**
 * Every finding code the engine reports, with its title (one line: the CLI's and SARIF's rule description) and
 * the page that explains it. A finding may carry a more precise page of its own (a Cilium key's docs, the
 * Cluster or InstanceGroup reference). Beside types.ts because every layer reports findings. A new code needs an
 * entry here, and then the compiler asks for its entry in the fix table (features/fixes/index.ts).
 */

const KOPS_DOCS = 'https://kops.sigs.k8s.io';
const KOPS_RELEASES = 'https://github.com/kubernetes/kops/releases';
const YAML_SPEC = 'https://yaml.org/spec/1.2.2/';
const CLUSTER_SPEC = `${KOPS_DOCS}/cluster_spec/`;
const INSTANCE_GROUPS = `${KOPS_DOCS}/instance_groups/`;
/** The kops guide to Cilium networking. */
export const KOPS_CILIUM_DOCS = `${KOPS_DOCS}/networking/cilium/`;

/** Sections of the kops guides (anchors as the kops docs site generates them from the headings). */
const GUIDE = {
  cilium: KOPS_CILIUM_DOCS,
  nodePort: `${KOPS_CILIUM_DOCS}#enabling-bpf-nodeport`,
  eni: `${KOPS_CILIUM_DOCS}#enabling-cilium-eni-ipam-ipv4-only`,
  encryption: `${KOPS_CILIUM_DOCS}#enabling-encryption-in-cilium-ipv4-only`,
  etcd: `${KOPS_CILIUM_DOCS}#using-etcd-for-agent-state-sync`,
  hubble: `${KOPS_CILIUM_DOCS}#hubble`,
  networking: `${KOPS_DOCS}/networking/`,
  etcdClusters: `${KOPS_DOCS}/cluster_spec/#etcdclusters`,
  nodeLocalDns: `${KOPS_DOCS}/addons/#node-local-dns-cache`,
} as const;

export interface FindingCodeInfo {
  title: string;
  /** Where the code is explained; absent when the page depends on the finding (e.g. Cluster or InstanceGroup). */
  docs?: string;
}

const enforcedEnum = (key: string): FindingCodeInfo => ({
  title: `kops accepts only certain values for the Cilium key ${key}.`,
  docs: GUIDE.cilium,
});

const CODES = {
  // The file and its documents
  'file-not-text': { title: 'The file is not text (it contains NUL characters), so kops-spec does not analyse it.' },
  'file-too-large': { title: 'The file is too large for full analysis; only its leading documents are checked.' },
  'document-too-large': { title: 'The document has too many lines to analyse.' },
  'document-too-complex': { title: 'The document is nested too deeply or expands too many aliases to analyse.' },
  'yaml-syntax': { title: 'The document is not valid YAML.', docs: YAML_SPEC },
  'kops-version-unknown': { title: 'The requested kops version is malformed or not known to kops-spec.', docs: KOPS_RELEASES },
  // Keys and values against the kops schema
  'schema-unknown-key': { title: 'kops does not know this key and silently drops it.' },
  'schema-key-newer-kops': { title: 'This key arrives in a newer kops release than the one checked against.' },
  'schema-key-removed': { title: 'kops removed this key before the release checked against.' },
  'schema-type': { title: 'The value has a type kops cannot decode.' },
  'schema-quantity': { title: 'The value is not a valid Kubernetes quantity.' },
  // Keys and values of spec.networking.cilium against the Cilium catalog
  'cilium-unknown-key': { title: 'kops does not know this key under spec.networking.cilium and silently drops it.', docs: GUIDE.cilium },
  'cilium-key-too-new': { title: 'This Cilium key exists only in a newer kops release than the one checked against.', docs: GUIDE.cilium },
  'cilium-type': { title: 'The value of this Cilium key has a type kops cannot decode.', docs: GUIDE.cilium },
  'cilium-enum': { title: 'The value is not one of the documented values for this Cilium key.', docs: GUIDE.cilium },
  'cilium-dead-key': { title: 'kops discards this Cilium key; it has no effect.', docs: GUIDE.cilium },
  'cilium-no-effect': { title: 'kops accepts this Cilium key but it no longer changes the Cilium configuration.', docs: GUIDE.cilium },
  'cilium-no-effect-per-kops': { title: "kops' own comment on this Cilium key says setting it does nothing.", docs: GUIDE.cilium },
  // kops validation rules
  'cilium-version-prefix': { title: 'The Cilium version must start with v.', docs: GUIDE.cilium },
  'cilium-version-semver': { title: 'The Cilium version is not a full semantic version.', docs: GUIDE.cilium },
  'cilium-version-supported': { title: 'This kops release does not support the Cilium version.', docs: GUIDE.cilium },
  'cilium-version-k8s-gate': { title: "The Cilium version does not fit the cluster's Kubernetes version.", docs: GUIDE.cilium },
  'cilium-ipv6-version': { title: 'IPv6 needs a newer Cilium version.', docs: GUIDE.cilium },
  'cilium-hubble-certmanager': { title: 'Hubble needs cert-manager enabled in the cluster spec.', docs: GUIDE.hubble },
  'cilium-hubble-version': { title: 'Hubble needs a newer Cilium version.', docs: GUIDE.hubble },
  'cilium-wireguard-version': { title: 'WireGuard encryption needs a newer Cilium version.', docs: GUIDE.encryption },
  'cilium-wireguard-l7proxy': { title: 'This kops release cannot combine WireGuard encryption with the L7 proxy.', docs: GUIDE.encryption },
  'cilium-servicetopology-version': { title: 'Service topology needs a newer Cilium version.', docs: GUIDE.cilium },
  'cilium-nodeport-kubeproxy': { title: 'Cilium NodePort needs kube-proxy disabled.', docs: GUIDE.nodePort },
  'cilium-kvstore-needs-etcd': { title: "kvstore identity allocation needs Cilium's managed etcd.", docs: GUIDE.etcd },
  'cilium-bpflbsock-hostns': { title: 'bpfLBSockHostNSOnly needs bpfLBSock enabled.', docs: GUIDE.cilium },
  'cilium-encryption-ipv6': { title: 'Cilium encryption is not supported on IPv6 clusters.', docs: GUIDE.encryption },
  'cilium-encryptiontype-needs-enable': { title: 'encryptionType needs enableEncryption.', docs: GUIDE.encryption },
  'cilium-l7proxy-iptables': { title: "The L7 proxy needs Cilium's iptables rules installed.", docs: GUIDE.cilium },
  'cilium-eni-aws-only': { title: 'Cilium ENI IPAM works only on AWS.', docs: GUIDE.eni },
  'cilium-eni-ipv6': { title: 'Cilium ENI IPAM does not support IPv6.', docs: GUIDE.eni },
  'cilium-eni-masquerade': { title: 'This kops release constrains masquerading with Cilium ENI IPAM.', docs: GUIDE.eni },
  'cilium-etcd-legacy-provider': { title: 'The Cilium etcd cluster cannot use the Legacy provider.', docs: GUIDE.etcd },
  'cilium-etcdmanaged-needs-cluster': { title: 'Cilium managed etcd needs an etcd cluster named cilium.', docs: GUIDE.etcd },
  'cilium-enum-enablepolicy': enforcedEnum('enablePolicy'),
  'cilium-enum-tunnel': enforcedEnum('tunnel'),
  'cilium-enum-monitoraggregation': enforcedEnum('monitorAggregation'),
  'cilium-enum-identityallocationmode': enforcedEnum('identityAllocationMode'),
  'cilium-enum-bpflbalgorithm': enforcedEnum('bpfLBAlgorithm'),
  'cilium-enum-encryptiontype': enforcedEnum('encryptionType'),
  'cilium-enum-containerruntimelabels': enforcedEnum('containerRuntimeLabels'),
  'cilium-enum-ipam': enforcedEnum('ipam'),
  'cilium-enum-ingress-lbmode': enforcedEnum('ingress.defaultLoadBalancerMode'),
  'networking-single-option': { title: 'Only one networking provider may be configured.', docs: GUIDE.networking },
  'nonmasq-overlap-eni-exempt': { title: 'nonMasqueradeCIDR overlaps the network CIDR.', docs: GUIDE.networking },
  'nodelocaldns-clusterdns-cilium': { title: 'Cilium needs kubelet clusterDNS at the NodeLocal DNS address.', docs: GUIDE.nodeLocalDns },
  'etcd-cluster-name': { title: 'The etcd cluster name is not one kops accepts.', docs: GUIDE.etcdClusters },
  // kops validation of the whole spec, by family (pkg/apis/kops/validation)
  'kops-cluster': { title: 'kops rejects the cluster name, version or cloud settings.', docs: CLUSTER_SPEC },
  'kops-kubernetes-version': { title: 'This kops release refuses the Kubernetes version.', docs: KOPS_RELEASES },
  'kops-network': { title: 'kops rejects the subnets, CIDRs, topology or access lists.', docs: `${CLUSTER_SPEC}#subnets` },
  'kops-api': { title: 'kops rejects the API server access or load balancer settings.', docs: `${CLUSTER_SPEC}#api` },
  'kops-etcd': { title: 'kops rejects the etcd cluster settings.', docs: GUIDE.etcdClusters },
  'kops-components': { title: 'kops rejects a Kubernetes component or addon setting.', docs: CLUSTER_SPEC },
  'kops-networking': { title: 'kops rejects the networking provider settings.', docs: GUIDE.networking },
  'kops-auth': { title: 'kops rejects the authentication, authorization or IAM settings.', docs: `${CLUSTER_SPEC}#iam-roles` },
  'kops-cloud': { title: 'kops rejects a setting for this cloud provider.', docs: CLUSTER_SPEC },
  'kops-instancegroup': { title: 'kops rejects the InstanceGroup.', docs: INSTANCE_GROUPS },
  'kops-instancegroup-cluster': { title: 'kops rejects the InstanceGroup for its Cluster.', docs: INSTANCE_GROUPS },
  // Upgrade and downgrade hazards between kops releases
  'compat-bpflbsock-hostns': { title: 'A newer kops release rejects this bpfLBSock combination.', docs: GUIDE.cilium },
  'compat-eni-masquerade-default': { title: 'The masquerade default with Cilium ENI IPAM differs between kops releases.', docs: GUIDE.eni },
  'compat-eni-masquerade-upgrade': { title: 'The masquerade setting with Cilium ENI IPAM fails on another kops release.', docs: GUIDE.eni },
} satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof CODES;

export const FINDING_CODES: Readonly<Record<FindingCode, FindingCodeInfo>> = CODES;
