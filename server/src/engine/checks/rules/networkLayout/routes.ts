import { before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { parsedCidr } from './cidrFindings';
import { netPath, subnetAt, subnetKopsPath, violation, type NetContext } from './context';
import { cidrText, containsAddress, containsWrittenAddress, goParseCidr, type GoCidr } from './goCidr';
import type { Route, Subnet } from './layout';

/**
 * AWS additionalRoutes (kops v1.24+): only on private subnets kops creates, a known target kind, a readable CIDR,
 * no VPC peering route into the cluster's own network, no CIDR twice. v1.24–v1.26 ran this in awsValidateCluster
 * against networkCIDR alone; v1.27 moved it into validateSubnet, against every network CIDR.
 */

const TARGETS = ['pcx-', 'i-', 'nat-', 'tgw-', 'igw-', 'eigw-'];

function placementRule(ctx: NetContext, s: Subnet): Violation[] {
  const legacy = before(ctx.v, '1.27');
  const problem = s.id
    ? 'additional routes cannot be added if the subnet is shared'
    : s.type !== 'Private'
      ? 'additional routes can only be added on private subnets'
      : '';
  if (!problem) return [];
  const message = s.id
    ? 'kops adds routes only to subnets it creates: remove additionalRoutes from this shared subnet (it has an id).'
    : 'kops adds routes only to Private subnets: move these additionalRoutes to a Private subnet.';
  return legacy
    ? [
        violation(subnetAt(s.index), 'Invalid', subnetKopsPath(ctx.v, s.index), problem, message, {
          underline: subnetAt(s.index, 'additionalRoutes'),
        }),
      ]
    : [violation(subnetAt(s.index, 'additionalRoutes'), 'Forbidden', subnetKopsPath(ctx.v, s.index, 'additionalRoutes'), problem, message)];
}

function peeringRule(ctx: NetContext, s: Subnet, j: number, times: number): Violation[] {
  const detail = before(ctx.v, '1.27')
    ? 'target is more specific than cluster CIDR block. This route can target only an interface or an instance.'
    : 'target is more specific than a network CIDR block. This route can target only an interface or an instance.';
  const message =
    'A peering (pcx-) route into the cluster network is rejected by kops: target an instance or interface, or route a range outside it.';
  const at = subnetAt(s.index, 'additionalRoutes', j, 'target');
  const kopsPath = subnetKopsPath(ctx.v, s.index, `additionalRoutes[${j}].target`);
  return Array.from({ length: times }, () => violation(at, 'Forbidden', kopsPath, detail, message));
}

function routeRules(ctx: NetContext, s: Subnet, r: Route, j: number, networks: readonly GoCidr[]): Violation[] {
  const base = `additionalRoutes[${j}]`;
  const out: Violation[] = [];
  if (!TARGETS.some((t) => r.target.startsWith(t))) {
    const message = `kops routes to pcx-, i-, nat-, tgw-, igw- or eigw- targets only, not ${r.target || '(empty)'}.`;
    out.push(
      violation(
        subnetAt(s.index, 'additionalRoutes', j, 'target'),
        'Invalid',
        subnetKopsPath(ctx.v, s.index, `${base}.target`),
        'unknown target type for route',
        message,
      ),
    );
  }
  const cidrAt = subnetAt(s.index, 'additionalRoutes', j, 'cidr');
  const cidrPath = subnetKopsPath(ctx.v, s.index, `${base}.cidr`);
  if (before(ctx.v, '1.27')) {
    const cidr = goParseCidr(r.cidr, ctx.v);
    if (!cidr)
      out.push(
        violation(
          cidrAt,
          'Invalid',
          cidrPath,
          'invalid cidr',
          `kops ${ctx.v.text} cannot read route cidr ${r.cidr || '(empty)'}: write a network such as 10.1.0.0/16.`,
        ),
      );
    else if (r.target.startsWith('pcx-'))
      out.push(...peeringRule(ctx, s, j, networks.some((n) => containsWrittenAddress(n, cidr)) ? 1 : 0));
    return out;
  }
  const parsed = parsedCidr(ctx, cidrAt, cidrPath, r.cidr, 'route cidr');
  out.push(...parsed.found);
  if (parsed.cidr && r.target.startsWith('pcx-'))
    out.push(...peeringRule(ctx, s, j, networks.filter((n) => containsAddress(n, parsed.cidr!)).length));
  return out;
}

function duplicateRules(ctx: NetContext, s: Subnet, routes: readonly Route[], taken: Set<string>): Violation[] {
  return routes.flatMap((r, j) => {
    const repeated = taken.has(r.cidr);
    taken.add(r.cidr);
    if (!repeated) return [];
    const message = `Route cidr ${r.cidr} repeats the cluster network or another route, which kops rejects: remove this route.`;
    return [
      violation(
        subnetAt(s.index, 'additionalRoutes', j, 'cidr'),
        'Duplicate',
        subnetKopsPath(ctx.v, s.index, `additionalRoutes[${j}].cidr`),
        '',
        message,
      ),
    ];
  });
}

/** `networks`: what kops compares routes with (v1.27+: the parsed network CIDRs; before: networkCIDR as written). */
export function routeRulesFor(ctx: NetContext, subnets: readonly Subnet[], networks: readonly GoCidr[]): Violation[] {
  if (before(ctx.v, '1.24') || ctx.layout.cloud !== 'aws') return [];
  const legacy = before(ctx.v, '1.27');
  const written = ctx.layout.networkCIDR;
  const legacyNetwork = written ? goParseCidr(written, ctx.v) : undefined;
  return subnets.flatMap((s) => {
    if (!s.routes) return [];
    const out = placementRule(ctx, s);
    if (legacy && written && !legacyNetwork) {
      const message = `kops ${ctx.v.text} checks additionalRoutes against networkCIDR and cannot read ${written}: fix networkCIDR.`;
      out.push(violation(['spec', 'networkCIDR'], 'Invalid', netPath(ctx.v, 'networkCIDR'), 'Invalid cluster cidr', message));
    } else {
      const against = legacy ? (legacyNetwork ? [legacyNetwork] : []) : networks;
      s.routes.forEach((r, j) => out.push(...routeRules(ctx, s, r, j, against)));
    }
    const taken = new Set<string>(legacy ? (written ? [written] : []) : networks.map(cidrText));
    return [...out, ...duplicateRules(ctx, s, s.routes, taken)];
  });
}
