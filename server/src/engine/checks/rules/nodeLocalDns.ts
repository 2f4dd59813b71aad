import type { KopsVersion } from '../../kops/releases';
import { before } from '../../kops/releases';
import type { ClusterFacts } from './clusterFacts';
import type { Violation } from './violation';

/**
 * With NodeLocal DNSCache on, kubelets must point at the cache's local IP when pods bypass kube-proxy's
 * iptables (kube-proxy IPVS, or any Cilium). kops runs this only once kubeDNS.serverIP is set, and blames
 * `spec.spec.kubelet.clusterDNS` for both kubelets (root-path and wrong-child quirks).
 */

const KOPS_PATH = 'spec.spec.kubelet.clusterDNS';

export function nodeLocalDnsRules(c: ClusterFacts, v: KopsVersion): Violation[] {
  const dns = c.kubeDNS;
  if (!dns?.serverIP || dns.nodeLocalDNS?.enabled !== true) return [];
  if (c.kubeProxy?.proxyMode !== 'ipvs' && !c.cilium) return [];
  const localIP = dns.nodeLocalDNS.localIP ?? '';
  const why = c.cilium ? 'Cilium' : 'IPVS kube-proxy';
  const advice = localIP ? `remove it or set it to ${localIP}` : 'remove it (kops then uses the local IP)';
  const out: Violation[] = [];
  if (c.kubeletClusterDNS !== undefined && c.kubeletClusterDNS !== localIP) {
    out.push({
      code: 'nodelocaldns-clusterdns-cilium',
      at: ['spec', 'kubelet', 'clusterDNS'],
      type: 'Forbidden',
      kopsPath: KOPS_PATH,
      detail: 'Kubelet ClusterDNS must be set to the default IP address for LocalIP',
      message: `kops ${v.text} needs kubelet.clusterDNS to match nodeLocalDNS.localIP with ${why}: ${advice}.`,
    });
  }
  if (c.controlPlaneClusterDNS !== undefined && c.controlPlaneClusterDNS !== localIP) {
    const name = before(v, '1.26') ? 'MasterKubelet' : 'ControlPlaneKubelet';
    const key = c.dialect.controlPlaneKubelet[c.dialect.controlPlaneKubelet.length - 1];
    out.push({
      code: 'nodelocaldns-clusterdns-cilium',
      at: [...c.dialect.controlPlaneKubelet, 'clusterDNS'],
      type: 'Forbidden',
      kopsPath: KOPS_PATH,
      detail: `${name} ClusterDNS must be set to the default IP address for LocalIP`,
      message: `kops ${v.text} needs ${key}.clusterDNS to match nodeLocalDNS.localIP with ${why}: ${advice}.`,
    });
  }
  return out;
}
