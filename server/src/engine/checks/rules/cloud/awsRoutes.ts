import type { YamlDocument } from '../../../document/documents';
import { isSetAt, itemsAt, stringAt, stringItemsAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { formatCidr, overlaps, parseCidr, type Cidr } from '../network';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, kopsPath, unreadableString } from './cloudFacts';
import { routeCidrProblem } from './routeCidr';

/**
 * Extra routes of AWS subnets (kops v1.24 and newer: awsValidateCluster until v1.27, then validateSubnet with
 * awsValidateAdditionalRoutes): only on private subnets kops creates, to a known AWS target, and a peering
 * connection (pcx-) only for destinations outside the cluster's network.
 */

const TARGET_PREFIXES = ['pcx-', 'i-', 'nat-', 'tgw-', 'igw-', 'eigw-'];

/** The cluster network CIDRs kops compares routes with; networkCIDR defaults to 172.20.0.0/16 on AWS without a shared VPC. */
function networkCidrs(doc: YamlDocument, v: KopsVersion): { texts: string[]; nets: Cidr[]; known: boolean } {
  const written = stringAt(doc, ['spec', 'networkCIDR']);
  const unknown = unreadableString(doc, ['spec', 'networkCIDR']) || (written === undefined && isSetAt(doc, ['spec', 'networkID']));
  const primary = written ?? '172.20.0.0/16';
  const extra = atLeast(v, '1.27') ? stringItemsAt(doc, ['spec', 'additionalNetworkCIDRs']) : [];
  const texts = [primary, ...extra.filter((t): t is string => t !== undefined)];
  const nets = texts.flatMap((t) => parseCidr(t) ?? []);
  return { texts, nets, known: !unknown && extra.every((t) => t !== undefined) };
}

/** Go's IPNet.Contains for a route's address (a full-length prefix): same family and inside the network. */
const contains = (net: Cidr, address: Cidr): boolean => overlaps(net, address);

function subnetKindProblem(doc: YamlDocument, v: KopsVersion, i: number, subnetPath: (string | number)[]): Violation[] {
  const shared = stringAt(doc, ['spec', 'subnets', i, 'id']) !== undefined;
  const privateSubnet = stringAt(doc, ['spec', 'subnets', i, 'type']) === 'Private';
  if (!shared && privateSubnet) return [];
  const detail = shared
    ? 'additional routes cannot be added if the subnet is shared'
    : 'additional routes can only be added on private subnets';
  const message = shared
    ? 'kops adds routes only to subnets it creates, not to a shared subnet (id): remove additionalRoutes.'
    : 'kops adds routes only to Private subnets: make the subnet Private or remove additionalRoutes.';
  const newer = atLeast(v, '1.27');
  return [
    cloudViolation({
      at: newer ? ['spec', 'subnets', i, 'additionalRoutes'] : ['spec', 'subnets', i],
      underline: ['spec', 'subnets', i, 'additionalRoutes'],
      type: newer ? 'Forbidden' : 'Invalid',
      kopsPath: kopsPath(...subnetPath, ...(newer ? ['additionalRoutes'] : [])),
      detail,
      message,
    }),
  ];
}

function routeProblems(doc: YamlDocument, v: KopsVersion, i: number, subnetPath: (string | number)[]): Violation[] {
  const routes = ['spec', 'subnets', i, 'additionalRoutes'];
  const network = networkCidrs(doc, v);
  const out: Violation[] = [];
  const seen = new Set(atLeast(v, '1.27') ? network.nets.map(formatCidr) : network.texts.slice(0, 1));
  const networkParses = atLeast(v, '1.27') || network.nets.length > 0;
  itemsAt(doc, routes).forEach((_, r) => {
    const at = (key: string) => [...routes, r, key];
    const kopsAt = (key: string) => kopsPath(...subnetPath, 'additionalRoutes', r, key);
    const target = stringAt(doc, at('target')) ?? '';
    const cidrText = stringAt(doc, at('cidr')) ?? '';
    if (network.known && seen.has(cidrText) && !unreadableString(doc, at('cidr'))) {
      const message = `The route destination ${cidrText} repeats the cluster network or an earlier route: remove the repeat.`;
      out.push(cloudViolation({ at: at('cidr'), type: 'Duplicate', kopsPath: kopsAt('cidr'), detail: '', message }));
    }
    seen.add(cidrText);
    if (!networkParses) return;
    if (!unreadableString(doc, at('target')) && !TARGET_PREFIXES.some((p) => target.startsWith(p))) {
      const message = `kops routes only to pcx-, i-, nat-, tgw-, igw- or eigw- targets, not ${target === '' ? 'an empty target' : target}.`;
      out.push(
        cloudViolation({
          at: at('target'),
          anchors: [[...routes, r]],
          type: 'Invalid',
          kopsPath: kopsAt('target'),
          detail: 'unknown target type for route',
          message,
        }),
      );
    }
    if (unreadableString(doc, at('cidr'))) return;
    const parsed = routeCidrProblem(cidrText, v);
    if (parsed.detail !== undefined) {
      const message = `The route destination ${cidrText === '' ? '(empty)' : cidrText} is not a valid CIDR for kops: ${parsed.detail}.`;
      out.push(
        cloudViolation({
          at: at('cidr'),
          anchors: [[...routes, r]],
          type: 'Invalid',
          kopsPath: kopsAt('cidr'),
          detail: parsed.detail,
          message,
        }),
      );
    }
    if (parsed.address && target.startsWith('pcx-') && network.known) {
      const address = parsed.address;
      const inside = (atLeast(v, '1.27') ? network.nets : network.nets.slice(0, 1)).filter((n) => contains(n, address));
      const detail = atLeast(v, '1.27')
        ? 'target is more specific than a network CIDR block. This route can target only an interface or an instance.'
        : 'target is more specific than cluster CIDR block. This route can target only an interface or an instance.';
      const message = `The route to ${cidrText} stays inside the cluster network, so a peering connection cannot carry it: target an instance or interface.`;
      out.push(...inside.map(() => cloudViolation({ at: at('target'), type: 'Forbidden', kopsPath: kopsAt('target'), detail, message })));
    }
  });
  return out;
}

export function awsRouteRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.24') || cloudProviderOf(doc) !== 'aws') return [];
  const prefix = atLeast(v, '1.26') ? ['spec', 'networking', 'subnets'] : ['spec', 'subnets'];
  return itemsAt(doc, ['spec', 'subnets']).flatMap((_, i) => {
    if (!isSetAt(doc, ['spec', 'subnets', i, 'additionalRoutes'])) return [];
    const subnetPath = [...prefix, i];
    return [...subnetKindProblem(doc, v, i, subnetPath), ...routeProblems(doc, v, i, subnetPath), ...clusterCidrProblem(doc, v)];
  });
}

/** v1.24–v1.26 refuse the routes of every subnet when the networkCIDR itself does not parse. */
function clusterCidrProblem(doc: YamlDocument, v: KopsVersion): Violation[] {
  const written = stringAt(doc, ['spec', 'networkCIDR']);
  if (atLeast(v, '1.27') || written === undefined || parseCidr(written)) return [];
  return [
    cloudViolation({
      at: ['spec', 'networkCIDR'],
      type: 'Invalid',
      kopsPath: atLeast(v, '1.26') ? 'spec.networking.networkCIDR' : 'spec.networkCIDR',
      detail: 'Invalid cluster cidr',
      message: `kops ${v.text} cannot check the subnets' additional routes: the networkCIDR ${written} does not parse.`,
    }),
  ];
}
