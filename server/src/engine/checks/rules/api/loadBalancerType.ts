import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { stringPointerAt, stringAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { ClusterRule } from '../ruleContext';
import { supportedValuesDetail } from '../violation';
import { shortText } from '../shortText';
import { cloudProviderOf } from '../cluster/clusterDoc';
import { LB, LB_KOPS } from './loadBalancerDoc';

/**
 * Load balancer types kops validation does not check but `kops update cluster` refuses when it builds the load
 * balancer: the API one on AWS, DigitalOcean, GCE and (from v1.20) Azure; the bastion one on AWS from v1.23, once
 * the cluster has a Bastion InstanceGroup. An empty type means Public.
 */

const TYPES = ['Public', 'Internal'];

const buildsApiLoadBalancer = (provider: string | undefined, v: KopsVersion): boolean =>
  provider === 'aws' || provider === 'digitalocean' || provider === 'gce' || (provider === 'azure' && atLeast(v, '1.20'));

export const apiLoadBalancerTypeRules: ClusterRule = ({ doc, v }) => {
  const type = stringPointerAt(doc, [...LB, 'type']) ?? '';
  if (!isMap(nodeAt(doc, LB)) || type === '' || TYPES.includes(type) || !buildsApiLoadBalancer(cloudProviderOf(doc), v)) return [];
  return [
    {
      code: 'kops-api',
      at: [...LB, 'type'],
      type: 'NotSupported',
      kopsPath: `${LB_KOPS}.type`,
      detail: supportedValuesDetail(TYPES),
      message: `kops update cluster (kops ${v.text}) cannot build an API load balancer of type ${shortText(type)}: use Public or Internal.`,
    },
  ];
};

const BASTION_LB = ['spec', 'topology', 'bastion', 'loadBalancer'];

export const bastionLoadBalancerTypeRules: ClusterRule = ({ doc, v, instanceGroups }) => {
  const type = stringPointerAt(doc, [...BASTION_LB, 'type']) ?? '';
  if (before(v, '1.23') || cloudProviderOf(doc) !== 'aws' || type === '' || TYPES.includes(type)) return [];
  if (!instanceGroups.some((ig) => stringAt(ig, ['spec', 'role']) === 'Bastion')) return [];
  return [
    {
      code: 'kops-api',
      at: [...BASTION_LB, 'type'],
      type: 'NotSupported',
      kopsPath: `spec.${atLeast(v, '1.26') ? 'networking.' : ''}topology.bastion.loadBalancer.type`,
      detail: supportedValuesDetail(TYPES),
      message: `kops update cluster (kops ${v.text}) cannot build a bastion load balancer of type ${shortText(type)}: use Public or Internal.`,
    },
  ];
};
