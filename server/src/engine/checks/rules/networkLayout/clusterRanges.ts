import { atLeast, before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { legacyUnparsable, parsedCidr } from './cidrFindings';
import { netPath, quote, violation, type NetContext } from './context';
import { belongsTo, cidrsOverlap, cidrText, goParseCidr, type GoCidr } from './goCidr';

/**
 * nonMasqueradeCIDR, podCIDR and serviceClusterIPRange (kubeControllerManager.clusterCIDR: components/): readable, and inside
 * the nonMasqueradeCIDR where the release demands it. (Overlap with the network range: nonMasqueradeOverlap.ts.)
 */

export interface ClusterRanges {
  found: Violation[];
  podCIDR?: GoCidr;
  serviceClusterIPRange?: GoCidr;
}

const NON_MASQ = ['spec', 'nonMasqueradeCIDR'];
const POD = ['spec', 'podCIDR'];
const SERVICE = ['spec', 'serviceClusterIPRange'];
const DEFAULT_NON_MASQ = '100.64.0.0/10';

/** The nonMasqueradeCIDR kops validates: as written, else the one `kops create` fills in ('' when unknown). */
export function effectiveNonMasq(ctx: NetContext): string {
  const { layout } = ctx;
  if (layout.nonMasqueradeCIDR) return layout.nonMasqueradeCIDR;
  const gceNetworking = layout.networkingKeys.some((k) => k === 'gce' || k === 'gcp');
  const vpcNetworking = layout.cloud === 'aws' && layout.networkingKeys.includes('amazonvpc') && !layout.networkCIDR;
  return gceNetworking || vpcNetworking ? '' : DEFAULT_NON_MASQ;
}

function nonMasqRules(ctx: NetContext): Violation[] {
  const { layout, v } = ctx;
  const text = layout.nonMasqueradeCIDR;
  if (!text) return [];
  const kopsPath = netPath(v, 'nonMasqueradeCIDR');
  const found: Violation[] = [];
  let readable = true;
  if (before(v, '1.27')) {
    readable = goParseCidr(text, v) !== undefined;
    if (!readable) found.push(legacyUnparsable(ctx, NON_MASQ, kopsPath, 'Cluster had an invalid nonMasqueradeCIDR', 'nonMasqueradeCIDR'));
  } else found.push(...parsedCidr(ctx, NON_MASQ, kopsPath, text, 'nonMasqueradeCIDR').found);
  const checksIPv6 = atLeast(v, '1.27') || (atLeast(v, '1.22') && readable);
  if (checksIPv6 && text.includes(':') && text !== '::/0') {
    const message = `kops ${v.text} requires nonMasqueradeCIDR ::/0 in an IPv6 cluster: set it to ::/0.`;
    found.push(violation(NON_MASQ, 'Forbidden', kopsPath, 'IPv6 clusters must have a nonMasqueradeCIDR of "::/0"', message));
  }
  return found;
}

const outside = (ctx: NetContext, what: string, nonMasq: string): string =>
  `kops ${ctx.v.text} needs ${what} inside nonMasqueradeCIDR ${nonMasq}: pick a range inside it or widen nonMasqueradeCIDR.`;

function podRules(ctx: NetContext, nonMasq: GoCidr | undefined): { found: Violation[]; pod?: GoCidr } {
  const { layout, v } = ctx;
  if (!layout.podCIDR || before(v, '1.28')) return { found: [] };
  const { cidr: pod, found } = parsedCidr(ctx, POD, 'spec.networking.podCIDR', layout.podCIDR, 'podCIDR');
  if (pod && nonMasq && !belongsTo(nonMasq, pod)) {
    const detail = `podCIDR ${quote(cidrText(pod))} must be a subnet of nonMasqueradeCIDR ${quote(cidrText(nonMasq))}`;
    found.push(violation(POD, 'Forbidden', 'spec.networking.podCIDR', detail, outside(ctx, 'podCIDR', cidrText(nonMasq))));
  }
  return { found, pod };
}

function serviceRules(ctx: NetContext, nonMasqText: string, pod: GoCidr | undefined): { found: Violation[]; service?: GoCidr } {
  const { layout, v } = ctx;
  const text = layout.serviceClusterIPRange;
  if (!text) return { found: [] };
  const kopsPath = netPath(v, 'serviceClusterIPRange');
  const legacy = before(v, '1.27');
  const parsed = legacy ? { cidr: goParseCidr(text, v), found: [] } : parsedCidr(ctx, SERVICE, kopsPath, text, 'serviceClusterIPRange');
  const found = [...parsed.found];
  const service = parsed.cidr;
  if (legacy && !service)
    found.push(legacyUnparsable(ctx, SERVICE, kopsPath, 'Cluster had an invalid serviceClusterIPRange', 'serviceClusterIPRange'));
  const nonMasq = nonMasqText ? goParseCidr(nonMasqText, v) : undefined;
  const exempt = legacy ? layout.networkingKeys.includes('gce') : layout.cloud === 'gce';
  if (before(v, '1.28') && service && nonMasq && !exempt && !belongsTo(nonMasq, service)) {
    const detail = `serviceClusterIPRange ${quote(text)} must be a subnet of nonMasqueradeCIDR ${quote(nonMasqText)}`;
    const message = `kops ${v.text} needs serviceClusterIPRange inside nonMasqueradeCIDR ${nonMasqText} (v1.28 and newer do not): move it inside.`;
    found.push(violation(SERVICE, 'Forbidden', kopsPath, detail, message));
  }
  if (atLeast(v, '1.28') && before(v, '1.28.5') && cidrsOverlap(pod, service)) {
    const detail = `serviceClusterIPRange ${quote(cidrText(service!))} must not overlap podCIDR ${quote(cidrText(pod!))}`;
    const message = `kops ${v.text} rejects a serviceClusterIPRange that overlaps podCIDR (allowed again from v1.28.5): move one of them.`;
    found.push(violation(SERVICE, 'Forbidden', kopsPath, detail, message));
  }
  return { found, service };
}

export function clusterRanges(ctx: NetContext): ClusterRanges {
  const nonMasqText = effectiveNonMasq(ctx);
  const nonMasq = nonMasqText ? goParseCidr(nonMasqText, ctx.v) : undefined;
  const pod = podRules(ctx, nonMasq);
  const service = serviceRules(ctx, nonMasqText, pod.pod);
  return {
    found: [...nonMasqRules(ctx), ...pod.found, ...service.found],
    podCIDR: pod.pod,
    serviceClusterIPRange: service.service,
  };
}
