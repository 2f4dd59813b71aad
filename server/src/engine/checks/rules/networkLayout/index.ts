import type { ClusterRule } from '../ruleContext';
import { accessRules } from './access';
import { clusterRanges } from './clusterRanges';
import type { NetContext } from './context';
import { kopsReachesNetworkRules } from './gate';
import { readNetworkLayout } from './layout';
import { networkRanges } from './networkRanges';
import { routeRulesFor } from './routes';
import { subnetCidrRules } from './subnetCidrs';
import { subnetKindRules } from './subnetKinds';
import { subnetListRules } from './subnetList';
import { topologyRules } from './topology';

/**
 * kops' validation of the cluster's network layout (finding code kops-network): network CIDRs, subnets, routes,
 * topology and access lists, per release (validation.go, legacy.go, aws.go, gce.go). The networking providers
 * are networkingOptions.ts and friends; the nonMasqueradeCIDR overlap with the VPC is nonMasqueradeOverlap.ts.
 */
export const networkLayoutRules: ClusterRule = ({ file, doc, v }) => {
  const layout = readNetworkLayout(doc);
  if (!kopsReachesNetworkRules(doc, layout.cloud, v)) return [];
  const ctx: NetContext = { layout, v, file, doc };
  const networks = networkRanges(ctx);
  const ranges = clusterRanges(ctx);
  const subnets = layout.subnets;
  const nets = { networks, podCIDR: ranges.podCIDR, serviceClusterIPRange: ranges.serviceClusterIPRange };
  return [
    ...networks.found,
    ...ranges.found,
    ...accessRules(ctx),
    ...topologyRules(ctx),
    ...(subnets
      ? [
          ...subnetListRules(ctx, subnets),
          ...subnetCidrRules(ctx, subnets, nets),
          ...subnetKindRules(ctx, subnets),
          ...routeRulesFor(ctx, subnets, networks.containers),
        ]
      : []),
  ];
};
