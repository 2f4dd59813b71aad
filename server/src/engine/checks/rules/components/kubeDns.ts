import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { keyName, nodeAt } from '../../../document/yamlNav';
import { boolAt, itemsAt, stringAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import { cidrContains, parseCidr, parseIp } from '../network';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { k8sAtLeast, rejection, type ComponentContext, shown } from './componentContext';

/**
 * kops' checks of the cluster DNS settings: the server IP (a valid address inside the service range, which the
 * kubelets must point at unless they use the NodeLocal DNSCache address), the provider NodeLocal DNSCache
 * needs, its local IP, and the upstream and stub-domain nameservers. The NodeLocal DNSCache kubelet rule itself
 * is nodeLocalDns.ts.
 */

const DNS = ['spec', 'kubeDNS'];
const NODE_LOCAL = [...DNS, 'nodeLocalDNS'];

/** A kubelet pointing elsewhere than the DNS server or the NodeLocal DNSCache address (kops' isExperimentalClusterDNS). */
function kubeletsOffTarget(cc: ComponentContext, serverIP: string): Violation[] {
  if (!structAt(cc.doc, NODE_LOCAL)) return [];
  const localIP = stringAt(cc.doc, [...NODE_LOCAL, 'localIP']) ?? '';
  const controlPlane = before(cc.v, '1.26') ? 'masterKubelet' : 'controlPlaneKubelet';
  const blocks = [
    { key: 'kubelet', kopsName: 'kubelet', name: 'Kubelet' },
    { key: 'masterKubelet', kopsName: controlPlane, name: before(cc.v, '1.26') ? 'MasterKubelet' : 'ControlPlaneKubelet' },
  ];
  return blocks.flatMap(({ key, kopsName, name }) => {
    const clusterDNS = stringAt(cc.doc, ['spec', key, 'clusterDNS']) ?? '';
    if (!structAt(cc.doc, ['spec', key]) || clusterDNS === serverIP || clusterDNS === localIP) return [];
    const targets = localIP ? `${serverIP} or ${localIP}` : `${serverIP} (and set nodeLocalDNS.localIP if it should use the cache)`;
    return [
      rejection({
        at: ['spec', key, 'clusterDNS'],
        anchors: [['spec', key]],
        type: 'Forbidden',
        kopsPath: `spec.${kopsName}.clusterDNS`,
        detail: `${name} ClusterDNS did not match cluster kubeDNS.serverIP or nodeLocalDNS.localIP`,
        message: `kops ${cc.v.text} needs ${key}.clusterDNS to be kubeDNS.serverIP or nodeLocalDNS.localIP: set it to ${targets}.`,
      }),
    ];
  });
}

function serverAddress(cc: ComponentContext, serverIP: string): Violation[] {
  const at = [...DNS, 'serverIP'];
  const ip = parseIp(serverIP);
  if (!ip) {
    const message = `kops ${cc.v.text} needs kubeDNS.serverIP to be an IP address, not ${shown(serverIP)}.`;
    return [
      rejection({ at, type: 'Invalid', kopsPath: 'spec.kubeDNS.serverIP', detail: 'Cluster had an invalid kubeDNS.serverIP', message }),
    ];
  }
  const rangeText = stringAt(cc.doc, ['spec', 'serviceClusterIPRange']);
  const range = rangeText === undefined ? undefined : parseCidr(rangeText);
  const outside = range && !cidrContains(range, ip);
  return [
    ...(outside
      ? [
          rejection({
            at,
            type: 'Forbidden',
            kopsPath: 'spec.kubeDNS.serverIP',
            detail: `ServiceClusterIPRange ${JSON.stringify(rangeText)} must contain the DNS Server IP ${JSON.stringify(serverIP)}`,
            message: `kops ${cc.v.text} needs kubeDNS.serverIP ${serverIP} inside serviceClusterIPRange ${shown(rangeText ?? '')}: pick an address in that range.`,
          }),
        ]
      : []),
    ...kubeletsOffTarget(cc, serverIP),
  ];
}

/** With NodeLocal DNSCache on, the provider must be CoreDNS (or left empty, from kops v1.23 on Kubernetes 1.20+). */
function nodeLocalCache(cc: ComponentContext): Violation[] {
  if (boolAt(cc.doc, [...NODE_LOCAL, 'enabled']) !== true) return [];
  const out: Violation[] = [];
  const provider = stringAt(cc.doc, [...DNS, 'provider']) ?? '';
  const emptyAllowed = atLeast(cc.v, '1.26') || (atLeast(cc.v, '1.23') && k8sAtLeast(cc, '1.20'));
  if (provider !== 'CoreDNS' && (provider !== '' || !emptyAllowed)) {
    out.push(
      rejection({
        at: [...DNS, 'provider'],
        anchors: [[...NODE_LOCAL, 'enabled']],
        type: 'Forbidden',
        kopsPath: 'spec.kubeDNS.provider',
        detail: 'KubeDNS provider must be set to CoreDNS if NodeLocalDNS addon is enabled',
        message: `NodeLocal DNSCache needs CoreDNS: kops ${cc.v.text} wants kubeDNS.provider set to CoreDNS.`,
      }),
    );
  }
  const localIP = stringAt(cc.doc, [...NODE_LOCAL, 'localIP']);
  if (localIP !== undefined && !parseIp(localIP)) {
    out.push(
      rejection({
        at: [...NODE_LOCAL, 'localIP'],
        type: 'Invalid',
        kopsPath: 'spec.spec.kubeDNS.nodeLocalDNS.localIP',
        detail: 'Cluster had an invalid kubeDNS.nodeLocalDNS.localIP',
        message: `kops ${cc.v.text} needs nodeLocalDNS.localIP to be an IP address (169.254.20.10 by default), not ${shown(localIP)}.`,
      }),
    );
  }
  return out;
}

const badNameserver = (cc: ComponentContext, at: PathSegment[], kopsPath: string, value: string): Violation =>
  rejection({
    at,
    type: 'Invalid',
    kopsPath,
    detail: 'Invalid nameserver given, should be a valid ip address',
    message: `kops ${cc.v.text} needs nameservers given as IP addresses, not ${shown(value)}.`,
  });

const invalidAddress = (item: Node): item is Scalar<string> => isScalar(item) && typeof item.value === 'string' && !parseIp(item.value);

/** A stub domain with no nameservers: its value is null or an empty list (anything else does not decode). */
const noServers = (value: unknown): boolean =>
  value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);

function stubDomains(cc: ComponentContext): Violation[] {
  const domains = nodeAt(cc.doc, [...DNS, 'stubDomains']);
  if (!isMap(domains)) return [];
  return domains.items.flatMap((pair) => {
    const domain = keyName(pair);
    if (domain === undefined) return [];
    const at = [...DNS, 'stubDomains', domain];
    const empty = noServers(pair.value)
      ? [
          rejection({
            at,
            type: 'Invalid',
            kopsPath: `spec.kubeDNS.stubDomains[${domain}]`,
            detail: 'No nameservers specified for the stub domain',
            message: `kops ${cc.v.text} needs at least one nameserver for the stub domain ${shown(domain)}.`,
          }),
        ]
      : [];
    const bad = itemsAt(cc.doc, at).flatMap((item, i) =>
      invalidAddress(item) ? [badNameserver(cc, [...at, i], `spec.kubeDNS.stubDomains[${domain}][${i}]`, item.value)] : [],
    );
    return [...empty, ...bad];
  });
}

function nameservers(cc: ComponentContext): Violation[] {
  const upstream = itemsAt(cc.doc, [...DNS, 'upstreamNameservers']).flatMap((item, i) =>
    invalidAddress(item)
      ? [badNameserver(cc, [...DNS, 'upstreamNameservers', i], `spec.kubeDNS.upstreamNameservers[${i}]`, item.value)]
      : [],
  );
  return [...upstream, ...stubDomains(cc)];
}

export function kubeDnsRules(cc: ComponentContext): Violation[] {
  if (!structAt(cc.doc, DNS)) return [];
  const serverIP = stringAt(cc.doc, [...DNS, 'serverIP']);
  const server = serverIP === undefined ? [] : [...serverAddress(cc, serverIP), ...nodeLocalCache(cc)];
  return [...server, ...nameservers(cc)];
}
