import type { YamlDocument } from '../../../document/documents';
import { stringAt } from '../../../kops/goValues';
import type { InstanceGroupContext } from '../ruleContext';

/**
 * The InstanceGroup's Cluster, read in its v1alpha2 spelling (`spec.cloudProvider` a string, `spec.subnets`),
 * or undefined when it is not known or written in another apiVersion.
 */
export function clusterOf(g: InstanceGroupContext): YamlDocument | undefined {
  return g.cluster?.kops?.apiVersion === 'v1alpha2' && g.cluster.kops.kind === 'Cluster' ? g.cluster : undefined;
}

/** The cluster's cloud provider (`aws`, `gce`, ...); undefined when unset or unreadable, so no cloud rule guesses. */
export const cloudProvider = (cluster: YamlDocument): string | undefined => stringAt(cluster, ['spec', 'cloudProvider']);
