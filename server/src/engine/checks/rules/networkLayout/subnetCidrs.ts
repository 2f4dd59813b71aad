import { atLeast, before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { legacyUnparsable, parsedCidr } from './cidrFindings';
import { quote, subnetAt, subnetKopsPath, violation, type NetContext } from './context';
import { belongsTo, cidrsOverlap, cidrText, goParseCidr, type GoCidr } from './goCidr';
import type { NetworkLayout, Subnet } from './layout';
import type { NetworkRanges } from './networkRanges';

/**
 * A subnet's cidr: readable, inside networkCIDR or an additional network CIDR, and (v1.28+) clear of podCIDR
 * and serviceClusterIPRange. Its ipv6CIDR (v1.22+): a real IPv6 network or a `/size#number` allocation.
 */

export interface ClusterNets {
  networks: NetworkRanges;
  podCIDR?: GoCidr;
  serviceClusterIPRange?: GoCidr;
}

function containmentDetail(ctx: NetContext, s: Subnet, count: number): string {
  const network = quote(ctx.layout.networkCIDR);
  if (before(ctx.v, '1.28'))
    return `subnet ${quote(s.name)} had a cidr ${quote(s.cidr)} that was not a subnet of the networkCIDR ${network}`;
  return `subnet ${quote(s.name)} cidr ${quote(s.cidr)} is not a subnet of the networkCIDR ${network}${count > 1 ? ' or an additionalNetworkCIDR' : ''}`;
}

function containmentRule(ctx: NetContext, s: Subnet, cidr: GoCidr, nets: ClusterNets): Violation[] {
  const { containers, legacyCrashOnMiss } = nets.networks;
  if (!containers.length || containers.some((parent) => belongsTo(parent, cidr))) return [];
  if (legacyCrashOnMiss && before(ctx.v, '1.27')) return [];
  const where = containers.length > 1 ? 'networkCIDR or an additionalNetworkCIDRs range' : `networkCIDR ${ctx.layout.networkCIDR}`;
  const message = `Subnet ${s.name || s.index} cidr ${s.cidr} lies outside ${where}: kops ${ctx.v.text} rejects it; pick a range inside, or widen networkCIDR.`;
  return [
    violation(
      subnetAt(s.index, 'cidr'),
      'Forbidden',
      subnetKopsPath(ctx.v, s.index, 'cidr'),
      containmentDetail(ctx, s, containers.length),
      message,
    ),
  ];
}

function overlapRules(ctx: NetContext, s: Subnet, cidr: GoCidr, nets: ClusterNets, layout: NetworkLayout): Violation[] {
  if (before(ctx.v, '1.28')) return [];
  const at = subnetAt(s.index, 'cidr');
  const kopsPath = subnetKopsPath(ctx.v, s.index, 'cidr');
  const out: Violation[] = [];
  const clash = (field: string, other: GoCidr) =>
    violation(
      at,
      'Forbidden',
      kopsPath,
      `subnet ${quote(s.name)} cidr ${quote(s.cidr)} must not overlap ${field} ${quote(cidrText(other))}`,
      `Subnet cidr ${s.cidr} overlaps ${field} ${cidrText(other)}, which kops ${ctx.v.text} rejects: move the subnet or the ${field}.`,
    );
  if (cidrsOverlap(cidr, nets.podCIDR) && !layout.networkingKeys.includes('amazonvpc')) out.push(clash('podCIDR', nets.podCIDR!));
  if (cidrsOverlap(cidr, nets.serviceClusterIPRange)) out.push(clash('serviceClusterIPRange', nets.serviceClusterIPRange!));
  return out;
}

function cidrRules(ctx: NetContext, s: Subnet, nets: ClusterNets): Violation[] {
  if (!s.cidr) return [];
  const at = subnetAt(s.index, 'cidr');
  const kopsPath = subnetKopsPath(ctx.v, s.index, 'cidr');
  const parsed = parsedCidr(ctx, at, kopsPath, s.cidr, 'subnet cidr');
  const found = [...parsed.found];
  if (before(ctx.v, '1.27')) {
    const legacy = goParseCidr(s.cidr, ctx.v);
    if (!legacy) return [...found, legacyUnparsable(ctx, at, kopsPath, 'subnet had an invalid cidr', 'the subnet cidr')];
    return [...found, ...containmentRule(ctx, s, legacy, nets)];
  }
  if (!parsed.cidr) return found;
  return [...found, ...containmentRule(ctx, s, parsed.cidr, nets), ...overlapRules(ctx, s, parsed.cidr, nets, ctx.layout)];
}

const NOTATION = /^\/([0-9]+)#([a-f0-9]+)$/;
const MAX_INT64 = BigInt('0x7fffffffffffffff');

/** utils.ParseCIDRNotation's error, or undefined when `/size#number` parses (size is then checked). */
function notationError(text: string): string | { size: number } {
  const m = NOTATION.exec(text);
  if (!m) return `unable to parse CIDR subnet string ${quote(text)} using "^/(\\\\d+)#([a-f0-9]+)$"`;
  if (BigInt(m[1]) > MAX_INT64) {
    return `unable to convert CIDR subnet new bits to int: ${quote(m[1])}: strconv.Atoi: parsing ${quote(m[1])}: value out of range`;
  }
  if (BigInt(`0x${m[2]}`) > MAX_INT64) {
    return `unable to convert CIDR subnet net num to int: ${quote(m[2])}: strconv.ParseInt: parsing ${quote(m[2])}: value out of range`;
  }
  return { size: Number(m[1]) };
}

function ipv6Rules(ctx: NetContext, s: Subnet, nets: ClusterNets): Violation[] {
  if (!s.ipv6CIDR || before(ctx.v, '1.22')) return [];
  const at = subnetAt(s.index, 'ipv6CIDR');
  const kopsPath = subnetKopsPath(ctx.v, s.index, 'ipv6CIDR');
  const text = s.ipv6CIDR;
  if (text.startsWith('/')) {
    const parsed = notationError(text);
    const message = `kops ${ctx.v.text} reads an ipv6CIDR starting with / as /size#number, e.g. /64#1: fix ${text}.`;
    if (typeof parsed === 'string') return [violation(at, 'Invalid', kopsPath, `IPv6 CIDR subnet is not parsable: ${parsed}`, message)];
    if (parsed.size <= 128) return [];
    return [violation(at, 'Invalid', kopsPath, 'IPv6 CIDR subnet size must be a value between 0 and 128', message)];
  }
  const parsed = parsedCidr(ctx, at, kopsPath, text, 'subnet ipv6CIDR');
  const found = [...parsed.found];
  if (!parsed.cidr?.v6) {
    found.push(
      violation(
        at,
        'Invalid',
        kopsPath,
        'Network is not an IPv6 CIDR',
        `kops ${ctx.v.text} needs an IPv6 network in ipv6CIDR, e.g. 2001:db8::/64 or /64#0: ${text} is not one.`,
      ),
    );
  }
  if (atLeast(ctx.v, '1.28') && cidrsOverlap(parsed.cidr, nets.serviceClusterIPRange)) {
    const range = cidrText(nets.serviceClusterIPRange!);
    const detail = `ipv6CIDR ${quote(text)} must not overlap serviceClusterIPRange ${quote(range)}`;
    found.push(
      violation(
        at,
        'Forbidden',
        kopsPath,
        detail,
        `Subnet ipv6CIDR ${text} overlaps serviceClusterIPRange ${range}, which kops ${ctx.v.text} rejects: move one of them.`,
      ),
    );
  }
  return found;
}

export const subnetCidrRules = (ctx: NetContext, subnets: readonly Subnet[], nets: ClusterNets): Violation[] =>
  subnets.flatMap((s) => [...cidrRules(ctx, s, nets), ...ipv6Rules(ctx, s, nets)]);
