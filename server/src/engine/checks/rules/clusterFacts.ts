import { isMap, isScalar } from 'yaml';
import type { YamlDocument } from '../../document/documents';
import { nodeAt } from '../../document/yamlNav';
import { ciliumPath, dialectFor, type Dialect } from '../../kops/dialect';
import { boolAt, itemsAt, stringAt, stringsAt, structAt, structKeysAt } from '../../kops/goValues';

/**
 * The parts of a Cluster spec the rules look at, in kops' internal sense (masquerade, installIptablesRules
 * not inverted). `undefined` = not set, as a nil pointer or empty string would be in Go.
 */
export interface CiliumFacts {
  version?: string;
  ipam?: string;
  tunnel?: string;
  enablePolicy?: string;
  monitorAggregation?: string;
  identityAllocationMode?: string;
  bpfLBAlgorithm?: string;
  encryptionType?: string;
  containerRuntimeLabels?: string;
  enableNodePort: boolean;
  etcdManaged: boolean;
  enableEncryption: boolean;
  enableServiceTopology: boolean;
  bpfLBSock: boolean;
  bpfLBSockHostNSOnly: boolean;
  enableL7Proxy?: boolean;
  masquerade?: boolean;
  installIptablesRules?: boolean;
  /** undefined = no `hubble` block. */
  hubble?: { enabled?: boolean };
  ingress?: { enabled?: boolean; defaultLoadBalancerMode?: string };
  /** On the defaulted spec: the keys kops filled in that a rule's message may name as the trigger. */
  filledIn?: ReadonlyArray<FilledInKey>;
}

export type FilledInKey = 'version' | 'hubble.enabled' | 'ingress.enabled' | 'masquerade';

/** `decodable` is false when kops could not even load the entry (a scalar item, a non-string name). */
export interface EtcdClusterFacts {
  name?: string;
  provider?: string;
  decodable: boolean;
}

export interface ClusterFacts {
  dialect: Dialect;
  cloudProvider?: string;
  kubernetesVersion?: string;
  nonMasqueradeCIDR?: string;
  networkCIDR?: string;
  additionalNetworkCIDRs: string[];
  certManagerEnabled: boolean;
  /** undefined = no `kubeProxy` block. */
  kubeProxy?: { enabled?: boolean; proxyMode?: string };
  kubeletClusterDNS?: string;
  controlPlaneClusterDNS?: string;
  kubeDNS?: { serverIP?: string; nodeLocalDNS?: { enabled?: boolean; localIP?: string } };
  /** undefined = no `etcdClusters` list. */
  etcdClusters?: EtcdClusterFacts[];
  /** `networking` is a mapping. */
  hasNetworking: boolean;
  /** Networking provider keys configured (as written: v1alpha2 or v1alpha3 spelling). */
  networkingKeys: string[];
  /** undefined = no `cilium` block. */
  cilium?: CiliumFacts;
}

function readCilium(doc: YamlDocument, d: Dialect): CiliumFacts | undefined {
  if (!structAt(doc, d.cilium)) return undefined;
  const str = (key: string) => stringAt(doc, ciliumPath(d, key));
  const flag = (key: string) => boolAt(doc, ciliumPath(d, key));
  const invert = (value: boolean | undefined) => (value === undefined || !d.inverted ? value : !value);
  const hubble = structAt(doc, ciliumPath(d, 'hubble')) ? { enabled: boolAt(doc, ciliumPath(d, 'hubble', 'enabled')) } : undefined;
  const ingress = structAt(doc, ciliumPath(d, 'ingress'))
    ? {
        enabled: boolAt(doc, ciliumPath(d, 'ingress', 'enabled')),
        defaultLoadBalancerMode: stringAt(doc, ciliumPath(d, 'ingress', 'defaultLoadBalancerMode')),
      }
    : undefined;
  return {
    version: str('version'),
    ipam: str('ipam'),
    tunnel: str('tunnel'),
    enablePolicy: str('enablePolicy'),
    monitorAggregation: str('monitorAggregation'),
    identityAllocationMode: str('identityAllocationMode'),
    bpfLBAlgorithm: str('bpfLBAlgorithm'),
    encryptionType: str('encryptionType'),
    containerRuntimeLabels: str('containerRuntimeLabels'),
    enableNodePort: flag('enableNodePort') === true,
    etcdManaged: flag('etcdManaged') === true,
    enableEncryption: flag('enableEncryption') === true,
    enableServiceTopology: flag('enableServiceTopology') === true,
    bpfLBSock: flag('bpfLBSock') === true,
    bpfLBSockHostNSOnly: flag('bpfLBSockHostNSOnly') === true,
    enableL7Proxy: flag('enableL7Proxy'),
    masquerade: invert(flag(d.masqueradeKey)),
    installIptablesRules: invert(flag(d.iptablesKey)),
    hubble,
    ingress,
  };
}

function readCloudProvider(doc: YamlDocument, d: Dialect): string | undefined {
  if (!d.cloudProviderIsMap) return stringAt(doc, ['spec', 'cloudProvider']);
  return structKeysAt(doc, ['spec', 'cloudProvider'])[0];
}

function readEtcdClusters(doc: YamlDocument): EtcdClusterFacts[] | undefined {
  if (nodeAt(doc, ['spec', 'etcdClusters']) === undefined) return undefined;
  return itemsAt(doc, ['spec', 'etcdClusters']).map((item, i) => {
    const at = ['spec', 'etcdClusters', i];
    if (!isMap(item)) return { decodable: isScalar(item) && item.value === null };
    const nameNode = nodeAt(doc, [...at, 'name']);
    const name = stringAt(doc, [...at, 'name']);
    const decodable =
      nameNode === undefined || name !== undefined || (isScalar(nameNode) && (nameNode.value === null || nameNode.value === ''));
    return { name, provider: stringAt(doc, [...at, 'provider']), decodable };
  });
}

function readKubeDNS(doc: YamlDocument): ClusterFacts['kubeDNS'] {
  if (!structAt(doc, ['spec', 'kubeDNS'])) return undefined;
  const local = ['spec', 'kubeDNS', 'nodeLocalDNS'];
  return {
    serverIP: stringAt(doc, ['spec', 'kubeDNS', 'serverIP']),
    nodeLocalDNS: structAt(doc, local)
      ? { enabled: boolAt(doc, [...local, 'enabled']), localIP: stringAt(doc, [...local, 'localIP']) }
      : undefined,
  };
}

/** Facts of a kops Cluster document, or undefined when it has no `spec` mapping. */
export function readCluster(doc: YamlDocument): ClusterFacts | undefined {
  if (!doc.kops || doc.kops.kind !== 'Cluster' || !structAt(doc, ['spec'])) return undefined;
  const d = dialectFor(doc.kops.apiVersion);
  return {
    dialect: d,
    cloudProvider: readCloudProvider(doc, d),
    kubernetesVersion: stringAt(doc, ['spec', 'kubernetesVersion']),
    nonMasqueradeCIDR: stringAt(doc, d.nonMasqueradeCIDR),
    networkCIDR: stringAt(doc, d.networkCIDR),
    additionalNetworkCIDRs: stringsAt(doc, d.additionalNetworkCIDRs),
    certManagerEnabled: boolAt(doc, ['spec', 'certManager', 'enabled']) === true,
    kubeProxy: structAt(doc, ['spec', 'kubeProxy'])
      ? { enabled: boolAt(doc, ['spec', 'kubeProxy', 'enabled']), proxyMode: stringAt(doc, ['spec', 'kubeProxy', 'proxyMode']) }
      : undefined,
    kubeletClusterDNS: stringAt(doc, ['spec', 'kubelet', 'clusterDNS']),
    controlPlaneClusterDNS: stringAt(doc, [...d.controlPlaneKubelet, 'clusterDNS']),
    kubeDNS: readKubeDNS(doc),
    etcdClusters: readEtcdClusters(doc),
    hasNetworking: structAt(doc, ['spec', 'networking']),
    networkingKeys: structKeysAt(doc, ['spec', 'networking']),
    cilium: readCilium(doc, d),
  };
}
