import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath } from '../../kops/dialect';
import { eraOf, inAnyEra, inEra, type Era } from '../../kops/eras';
import { isIPv6Only } from './network';
import type { Violation } from './violation';

/** The feature combinations kops' validateNetworkingCilium forbids (everything except version, enums and ENI). */

const KVSTORE: Era = { from: '1.22' };
/** Releases that check bpfLBSockHostNSOnly against bpfLBSock (back-ported: v1.34.3+, v1.35.1+, every v1.36). */
export const BPF_LB_SOCK: readonly Era[] = [{ from: '1.34.3', until: '1.35' }, { from: '1.35.1' }];
const ENCRYPTION_CHECKS: Era = { from: '1.26' };
const WIREGUARD_L7: Era = { from: '1.22', until: '1.29' };
const L7_IPTABLES: ReadonlyArray<Era & { detail: string }> = [
  { from: '1.22', until: '1.23', detail: 'Cilium L7 Proxy requires IPTablesRules to be installed.' },
  { from: '1.23', detail: 'Cilium L7 Proxy requires installIptablesRules.' },
];
const LEGACY_ETCD: Era = { from: '1.18', until: '1.23' };

const field = (name: string): string => `spec.networking.cilium.${name}`;
const L7_DEFAULTED = 'kops update cluster enables the L7 proxy';

function nodePort(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (!cil.enableNodePort || !c.kubeProxy || c.kubeProxy.enabled === false) return [];
  return [
    {
      code: 'cilium-nodeport-kubeproxy',
      at: ['spec', 'kubeProxy', 'enabled'],
      anchors: [['spec', 'kubeProxy'], ciliumPath(c.dialect, 'enableNodePort')],
      type: 'Forbidden',
      kopsPath: 'spec.spec.kubeProxy.enabled',
      detail: 'When Cilium NodePort is enabled, kubeProxy must be disabled',
      message: `kops ${v.text} rejects kube-proxy with Cilium NodePort: set kubeProxy.enabled: false or drop enableNodePort.`,
      whenDefaulted: 'kops update cluster enables kube-proxy',
    },
  ];
}

function identities(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (!inEra(v, KVSTORE) || cil.identityAllocationMode !== 'kvstore' || cil.etcdManaged) return [];
  return [
    {
      code: 'cilium-kvstore-needs-etcd',
      at: ciliumPath(c.dialect, 'identityAllocationMode'),
      type: 'Forbidden',
      kopsPath: field('identityAllocationMode'),
      detail: 'Cilium requires managed etcd to allocate identities on kvstore mode',
      message: `kops ${v.text} keeps kvstore identities only in kops-managed etcd: set etcdManaged: true (etcd cluster "cilium") or use identityAllocationMode: crd.`,
    },
  ];
}

function socketLB(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (!inAnyEra(v, BPF_LB_SOCK) || cil.bpfLBSock || !cil.bpfLBSockHostNSOnly) return [];
  return [
    {
      code: 'cilium-bpflbsock-hostns',
      at: ciliumPath(c.dialect, 'bpfLBSockHostNSOnly'),
      type: 'Forbidden',
      kopsPath: field('bpfLBSockHostNSOnly'),
      detail: 'bpfLBSockHostNSOnly requires bpfLBSock to be enabled',
      message: `kops ${v.text} accepts bpfLBSockHostNSOnly: true only with bpfLBSock: true: add it or drop bpfLBSockHostNSOnly.`,
    },
  ];
}

function encryption(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  const out: Violation[] = [];
  if (inEra(v, ENCRYPTION_CHECKS) && cil.enableEncryption && isIPv6Only(c)) {
    out.push({
      code: 'cilium-encryption-ipv6',
      at: ciliumPath(c.dialect, 'enableEncryption'),
      type: 'Forbidden',
      kopsPath: field('enableEncryption'),
      detail: 'encryption is not supported on IPv6 clusters',
      message: `kops ${v.text} supports Cilium encryption only on IPv4 clusters (nonMasqueradeCIDR is ${c.nonMasqueradeCIDR}): remove enableEncryption.`,
    });
  }
  if (inEra(v, ENCRYPTION_CHECKS) && cil.encryptionType !== undefined && !cil.enableEncryption) {
    out.push({
      code: 'cilium-encryptiontype-needs-enable',
      at: ciliumPath(c.dialect, 'encryptionType'),
      type: 'Forbidden',
      kopsPath: field('encryptionType'),
      detail: 'encryptionType requires enableEncryption',
      message: `kops ${v.text} accepts encryptionType only with enableEncryption: true: add it or remove encryptionType.`,
    });
  }
  return out;
}

function l7Proxy(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (cil.enableL7Proxy !== true) return [];
  const at = ciliumPath(c.dialect, 'enableL7Proxy');
  const anchors = [ciliumPath(c.dialect, c.dialect.iptablesKey), ciliumPath(c.dialect, 'encryptionType')];
  const out: Violation[] = [];
  if (inEra(v, WIREGUARD_L7) && cil.encryptionType === 'wireguard') {
    out.push({
      code: 'cilium-wireguard-l7proxy',
      at,
      anchors,
      type: 'Forbidden',
      kopsPath: field('enableL7Proxy'),
      detail: 'L7 proxy cannot be enabled if wireguard is enabled.',
      message: `kops ${v.text} forbids the L7 proxy with WireGuard, kops v1.29 and newer allow both: set enableL7Proxy: false.`,
      whenDefaulted: L7_DEFAULTED,
    });
  }
  const iptables = eraOf(v, L7_IPTABLES);
  if (iptables && cil.installIptablesRules === false) {
    const noinstall = c.dialect.inverted ? 'IPTablesRulesNoinstall: true' : 'installIptablesRules: false';
    out.push({
      code: 'cilium-l7proxy-iptables',
      at,
      anchors,
      type: 'Forbidden',
      kopsPath: field('enableL7Proxy'),
      detail: iptables.detail,
      message: `kops ${v.text} needs iptables rules for the L7 proxy: set enableL7Proxy: false or drop ${noinstall}.`,
      whenDefaulted: L7_DEFAULTED,
    });
  }
  return out;
}

function managedEtcd(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (!cil.etcdManaged) return [];
  const clusters = c.etcdClusters ?? [];
  const index = clusters.findIndex((e) => e.name === 'cilium');
  if (index < 0) {
    return [
      {
        code: 'cilium-etcdmanaged-needs-cluster',
        at: ['spec', 'etcdClusters'],
        anchors: [ciliumPath(c.dialect, 'etcdManaged')],
        type: 'Required',
        kopsPath: 'spec.etcdClusters',
        detail: 'Cilium with managed etcd requires a dedicated etcd cluster',
        message: `kops ${v.text} runs etcdManaged: true only with an etcd cluster named "cilium": add one like "main" or remove etcdManaged.`,
      },
    ];
  }
  if (!inEra(v, LEGACY_ETCD) || clusters[index].provider !== 'Legacy') return [];
  return [
    {
      code: 'cilium-etcd-legacy-provider',
      at: ['spec', 'etcdClusters'],
      underline: ['spec', 'etcdClusters', index, 'provider'],
      type: 'Invalid',
      kopsPath: 'spec.etcdClusters',
      detail: 'Legacy etcd provider is not supported for the cilium cluster',
      message: `kops ${v.text} runs the "cilium" etcd cluster only with etcd-manager: remove provider: Legacy or set provider: Manager.`,
    },
  ];
}

/** Every non-version, non-enum, non-ENI check of kops' Cilium block. */
export function featureRules(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  return [
    ...nodePort(c, cil, v),
    ...identities(c, cil, v),
    ...socketLB(c, cil, v),
    ...encryption(c, cil, v),
    ...l7Proxy(c, cil, v),
    ...managedEtcd(c, cil, v),
  ];
}
