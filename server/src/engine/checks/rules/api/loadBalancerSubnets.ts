import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { itemsAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { shortText } from '../shortText';
import { parseCidr } from '../network';
import { cloudProviderOf } from '../cluster/clusterDoc';
import { lbClass, lbType, lbUnknown, parseIPv4, LB, LB_KOPS } from './loadBalancerDoc';

/**
 * awsValidateLoadBalancerSubnets (v1.20 on): each API load balancer subnet names a cluster subnet; a private IPv4
 * address must lie in it and is only for internal NLBs; an Elastic IP allocation only for public NLBs.
 */

const SUBNETS = [...LB, 'subnets'];

function clusterSubnetCidr(c: ClusterContext, name: string): { found: boolean; cidr?: string } {
  const subnets = itemsAt(c.doc, ['spec', 'subnets']);
  const i = subnets.findIndex((_, j) => (stringPointerAt(c.doc, ['spec', 'subnets', j, 'name']) ?? '') === name);
  return i < 0 ? { found: false } : { found: true, cidr: stringPointerAt(c.doc, ['spec', 'subnets', i, 'cidr']) };
}

function contains(cidrText: string | undefined, ip: number[]): boolean | undefined {
  const cidr = cidrText === undefined ? undefined : parseCidr(cidrText);
  if (!cidr) return undefined;
  if (cidr.v6) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((ip[bit >> 3] & mask) !== (cidr.bytes[bit >> 3] & mask)) return false;
  }
  return true;
}

function subnetViolations(c: ClusterContext, i: number): Violation[] {
  const { doc, v } = c;
  const at = [...SUBNETS, i];
  const kops = `${LB_KOPS}.subnets[${i}]`;
  const out: Violation[] = [];
  const add = (key: string, kopsKey: string, type: Violation['type'], detail: string, message: string) =>
    out.push({ code: 'kops-api', at: [...at, key], anchors: [at], type, kopsPath: `${kops}.${kopsKey}`, detail, message });
  const name = stringPointerAt(doc, [...at, 'name']) ?? '';
  const subnet = name === '' ? { found: false } : clusterSubnetCidr(c, name);
  if (name === '')
    add(
      'name',
      'name',
      'Required',
      "subnet name can't be empty",
      'Each api.loadBalancer.subnets entry needs the name of a cluster subnet: set name.',
    );
  else if (!subnet.found)
    add(
      'name',
      'name',
      'NotFound',
      `subnet "${name}" not found in cluster subnets`,
      `kops ${v.text} finds no cluster subnet named ${shortText(name)}: use a name from spec.subnets.`,
    );
  const nlb = lbClass(doc) === 'Network';
  const internal = lbType(doc) === 'Internal';
  const address = stringPointerAt(doc, [...at, 'privateIPv4Address']);
  if (address !== undefined) {
    if (address === '')
      add(
        'privateIPv4Address',
        'privateIPv4Address',
        'Required',
        "privateIPv4Address can't be empty",
        'Set privateIPv4Address to an address of the subnet, or remove the key.',
      );
    const ip = parseIPv4(address);
    if (ip === undefined) {
      add(
        'privateIPv4Address',
        'privateIPv4Address',
        'Invalid',
        'privateIPv4Address is not a valid IPv4 address',
        `kops ${v.text} needs a dotted IPv4 address in privateIPv4Address: fix ${shortText(address) || 'the empty value'}.`,
      );
    } else if (ip !== 'unknown' && subnet.found && contains(subnet.cidr, ip) === false) {
      add(
        'privateIPv4Address',
        'privateIPv4Address',
        'Invalid',
        'privateIPv4Address is not part of the subnet CIDR',
        `The address ${address} is outside subnet ${shortText(name)} (${subnet.cidr ?? ''}): pick one inside its CIDR.`,
      );
    }
    if (!nlb || !internal) {
      add(
        'privateIPv4Address',
        'privateIPv4Address',
        'Forbidden',
        'privateIPv4Address only allowed for internal NLBs',
        `kops ${v.text} pins private addresses only on an Internal Network load balancer: remove privateIPv4Address or change class and type.`,
      );
    }
  }
  const allocation = stringPointerAt(doc, [...at, 'allocationId']);
  if (allocation !== undefined) {
    if (allocation === '')
      add(
        'allocationId',
        'allocationID',
        'Required',
        "allocationID can't be empty",
        'Set allocationId to an Elastic IP allocation (eipalloc-…), or remove the key.',
      );
    if (!nlb || internal) {
      add(
        'allocationId',
        'allocationID',
        'Forbidden',
        'allocationID only allowed for Public NLBs',
        `kops ${v.text} attaches Elastic IPs only to a Public Network load balancer: remove allocationId or change class and type.`,
      );
    }
  }
  return out;
}

export const loadBalancerSubnetRules: ClusterRule = (c) => {
  if (before(c.v, '1.20') || cloudProviderOf(c.doc) !== 'aws' || !isMap(nodeAt(c.doc, LB))) return [];
  if (lbUnknown(c.doc) || templatedWithin(c.doc, ['spec', 'subnets'])) return [];
  return itemsAt(c.doc, SUBNETS).flatMap((node, i) => (isMap(node) ? subnetViolations(c, i) : []));
};
