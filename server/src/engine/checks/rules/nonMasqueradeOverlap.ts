import type { KopsVersion } from '../../kops/releases';
import type { ClusterFacts } from './clusterFacts';
import { eraOf, type Era } from '../../kops/eras';
import { formatCidr, overlaps, parseCidr, type Cidr } from './network';
import type { Violation } from './violation';

/**
 * nonMasqueradeCIDR must not overlap the VPC range, except where pods take VPC addresses: amazonvpc, Cilium
 * with ENI IPAM, and (until v1.22) lyftvpc. Since v1.27 the additional network CIDRs count too (AWS only), and
 * kops compares the first parsed network range under the name networkCIDR.
 */

interface OverlapEra extends Era {
  kopsPath: string;
  exempt: readonly string[];
  withAdditional: boolean;
}

const ERAS: readonly OverlapEra[] = [
  { from: '1.18', until: '1.23', kopsPath: 'spec.nonMasqueradeCIDR', exempt: ['amazonvpc', 'lyftvpc'], withAdditional: false },
  { from: '1.23', until: '1.26', kopsPath: 'spec.nonMasqueradeCIDR', exempt: ['amazonvpc'], withAdditional: false },
  { from: '1.26', until: '1.27', kopsPath: 'spec.networking.nonMasqueradeCIDR', exempt: ['amazonvpc'], withAdditional: false },
  { from: '1.27', kopsPath: 'spec.networking.nonMasqueradeCIDR', exempt: ['amazonvpc'], withAdditional: true },
];

const quote = (s: string): string => JSON.stringify(s);

function networkRanges(c: ClusterFacts, era: OverlapEra): Cidr[] {
  const main = c.networkCIDR !== undefined && !(era.withAdditional && c.cloudProvider === 'gce') ? parseCidr(c.networkCIDR) : undefined;
  const ranges = main ? [main] : [];
  if (!era.withAdditional) return ranges;
  if (c.cloudProvider === 'aws') {
    for (const text of c.additionalNetworkCIDRs) {
      const parsed = parseCidr(text);
      if (parsed) ranges.push(parsed);
    }
  }
  return ranges;
}

export function nonMasqueradeOverlapRules(c: ClusterFacts, v: KopsVersion): Violation[] {
  const era = eraOf(v, ERAS);
  if (!era || !c.hasNetworking || c.nonMasqueradeCIDR === undefined) return [];
  const nonMasq = parseCidr(c.nonMasqueradeCIDR);
  if (!nonMasq) return [];
  const exempt = era.exempt.some((p) => c.networkingKeys.includes(c.dialect.providerKey(p))) || c.cilium?.ipam === 'eni';
  if (exempt) return [];
  const ranges = networkRanges(c, era);
  const out: Violation[] = [];
  const make = (detail: string): Violation => ({
    code: 'nonmasq-overlap-eni-exempt',
    at: c.dialect.nonMasqueradeCIDR,
    type: 'Forbidden',
    kopsPath: era.kopsPath,
    detail,
    message: `kops ${v.text} rejects a nonMasqueradeCIDR overlapping the network unless pods use VPC addresses (amazonvpc, Cilium ENI): pick another, e.g. 100.64.0.0/10.`,
  });
  ranges.forEach((range, i) => {
    if (!overlaps(nonMasq, range)) return;
    if (i === 0)
      out.push(make(`nonMasqueradeCIDR ${quote(c.nonMasqueradeCIDR!)} cannot overlap with networkCIDR ${quote(c.networkCIDR ?? '')}`));
    else
      out.push(
        make(
          `nonMasqueradeCIDR ${quote(c.nonMasqueradeCIDR!)} cannot overlap with additionalNetworkCIDRs[${i - 1}] ${quote(formatCidr(range))}`,
        ),
      );
  });
  return out;
}
