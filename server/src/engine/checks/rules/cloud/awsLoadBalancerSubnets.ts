import type { YamlDocument } from '../../../document/documents';
import { itemsAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import { overlaps, parseCidr, type Cidr } from '../network';
import type { Violation } from '../violation';
import { cloudViolation, kopsPath, unreadableList, unreadableString } from './cloudFacts';

/**
 * awsValidateLoadBalancerSubnets (kops aws.go, v1.20 and newer): each API load balancer subnet names a cluster
 * subnet; a fixed private address only on an internal NLB and inside the subnet; an Elastic IP only on a public NLB.
 */

const SUBNETS = ['spec', 'api', 'loadBalancer', 'subnets'] as const;

/** Go's net.ParseIP(text).To4(): the address when it is IPv4 (IPv4-mapped IPv6 included). */
function ipv4Of(text: string): Cidr | undefined {
  const host = parseCidr(`${text}/${text.includes(':') ? 128 : 32}`);
  return host && !host.v6 && host.prefix === 32 ? host : undefined;
}

/** The CIDR of the cluster subnet `name` (v1alpha2 `spec.subnets`), when it is written and parses. */
function clusterSubnetCidr(doc: YamlDocument, name: string): { found: boolean; cidr?: Cidr } {
  const subnets = itemsAt(doc, ['spec', 'subnets']);
  const index = subnets.findIndex((_, i) => stringAt(doc, ['spec', 'subnets', i, 'name']) === name);
  const unknown = unreadableList(doc, ['spec', 'subnets']) || subnets.some((_, i) => unreadableString(doc, ['spec', 'subnets', i, 'name']));
  if (index < 0) return { found: unknown };
  const text = stringAt(doc, ['spec', 'subnets', index, 'cidr']);
  return { found: true, cidr: text === undefined ? undefined : parseCidr(text) };
}

function nameProblems(doc: YamlDocument, i: number): { problems: Violation[]; cidr?: Cidr } {
  const at = [...SUBNETS, i, 'name'];
  const name = stringAt(doc, at);
  if (unreadableString(doc, at)) return { problems: [] };
  if (name === undefined) {
    const message = 'Each API load balancer subnet needs the name of a cluster subnet.';
    return {
      problems: [
        cloudViolation({
          at,
          anchors: [[...SUBNETS, i]],
          type: 'Required',
          kopsPath: kopsPath(...at),
          detail: "subnet name can't be empty",
          message,
        }),
      ],
    };
  }
  const subnet = clusterSubnetCidr(doc, name);
  if (subnet.found) return { problems: [], cidr: subnet.cidr };
  const message = `The API load balancer subnet ${name} is not one of the cluster's subnets: use a name from spec.subnets.`;
  return { problems: [cloudViolation({ at, type: 'NotFound', kopsPath: kopsPath(...at), detail: '', message })] };
}

function privateAddressProblems(doc: YamlDocument, i: number, internalNlb: boolean, cidr?: Cidr): Violation[] {
  const at = [...SUBNETS, i, 'privateIPv4Address'];
  const address = stringPointerAt(doc, at);
  if (address === undefined) return [];
  const where = { at, kopsPath: kopsPath(...at) };
  const out: Violation[] = [];
  if (address === '') {
    const message = 'An empty privateIPv4Address is rejected by kops: write an address or remove the key.';
    out.push(cloudViolation({ ...where, type: 'Required', detail: "privateIPv4Address can't be empty", message }));
  }
  const ip = ipv4Of(address);
  if (!ip) {
    const message = `kops needs an IPv4 address as privateIPv4Address, not ${address === '' ? 'an empty value' : address}.`;
    out.push(cloudViolation({ ...where, type: 'Invalid', detail: 'privateIPv4Address is not a valid IPv4 address', message }));
  } else if (cidr && !overlaps(cidr, ip)) {
    const message = `The address ${address} lies outside the CIDR of subnet ${stringAt(doc, [...SUBNETS, i, 'name']) ?? ''}: pick one inside it.`;
    out.push(cloudViolation({ ...where, type: 'Invalid', detail: 'privateIPv4Address is not part of the subnet CIDR', message }));
  }
  if (!internalNlb) {
    const message = 'A fixed privateIPv4Address needs an internal Network load balancer: set class Network and type Internal, or drop it.';
    out.push(cloudViolation({ ...where, type: 'Forbidden', detail: 'privateIPv4Address only allowed for internal NLBs', message }));
  }
  return out;
}

function allocationProblems(doc: YamlDocument, i: number, nlb: boolean, internal: boolean): Violation[] {
  const at = [...SUBNETS, i, 'allocationId'];
  const allocation = stringPointerAt(doc, at);
  if (allocation === undefined) return [];
  const where = { at, kopsPath: kopsPath(...SUBNETS, i, 'allocationID') };
  const out: Violation[] = [];
  if (allocation === '') {
    const message = 'An empty allocationId is rejected by kops: write an Elastic IP allocation id or remove the key.';
    out.push(cloudViolation({ ...where, type: 'Required', detail: "allocationID can't be empty", message }));
  }
  if (!nlb || internal) {
    const message = 'An Elastic IP allocationId needs a public Network load balancer: set class Network and type Public, or drop it.';
    out.push(cloudViolation({ ...where, type: 'Forbidden', detail: 'allocationID only allowed for Public NLBs', message }));
  }
  return out;
}

export function awsLoadBalancerSubnetProblems(doc: YamlDocument, v: KopsVersion, nlb: boolean): Violation[] {
  if (before(v, '1.20')) return [];
  const internal = stringAt(doc, ['spec', 'api', 'loadBalancer', 'type']) === 'Internal';
  return itemsAt(doc, [...SUBNETS]).flatMap((_, i) => {
    if (!structAt(doc, [...SUBNETS, i])) return [];
    const { problems, cidr } = nameProblems(doc, i);
    return [...problems, ...privateAddressProblems(doc, i, nlb && internal, cidr), ...allocationProblems(doc, i, nlb, internal)];
  });
}
