import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { itemsAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { atLeast } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf } from '../cluster/clusterDoc';
import { ruleFix } from '../ruleFix';
import { isSet, lbClass, lbString, lbType, lbUnknown, LB, LB_KOPS } from './loadBalancerDoc';

/**
 * The API load balancer on any cloud (validateClusterSpec): from v1.27 the AWS-only settings are refused elsewhere,
 * and from v1.25 an Internal load balancer needs a Private subnet.
 */

const AWS_ONLY: ReadonlyArray<{ key: string; kops: string; set: (c: ClusterContext) => boolean }> = [
  { key: 'class', kops: 'class', set: (c) => lbClass(c.doc) !== '' },
  { key: 'idleTimeoutSeconds', kops: 'idleTimeoutSeconds', set: (c) => isSet(c.doc, [...LB, 'idleTimeoutSeconds']) },
  {
    key: 'securityGroupOverride',
    kops: 'securityGroupOverride',
    set: (c) => stringPointerAt(c.doc, [...LB, 'securityGroupOverride']) !== undefined,
  },
  { key: 'additionalSecurityGroups', kops: 'additionalSecurityGroups', set: (c) => isSet(c.doc, [...LB, 'additionalSecurityGroups']) },
  { key: 'sslCertificate', kops: 'sslCertificate', set: (c) => lbString(c.doc, 'sslCertificate') !== '' },
  { key: 'sslPolicy', kops: 'sslPolicy', set: (c) => stringPointerAt(c.doc, [...LB, 'sslPolicy']) !== undefined },
  { key: 'crossZoneLoadBalancing', kops: 'crossZoneLoadBalancing', set: (c) => isSet(c.doc, [...LB, 'crossZoneLoadBalancing']) },
  { key: 'accessLog', kops: 'accessLog', set: (c) => isMap(nodeAt(c.doc, [...LB, 'accessLog'])) },
];

function awsOnlySettings(c: ClusterContext): Violation[] {
  if (!atLeast(c.v, '1.27') || cloudProviderOf(c.doc) === 'aws') return [];
  return AWS_ONLY.filter((f) => f.set(c)).map((f) => ({
    code: 'kops-api',
    at: [...LB, f.key],
    type: 'Forbidden',
    kopsPath: `${LB_KOPS}.${f.kops}`,
    detail: `${f.kops} is only supported on AWS`,
    message: `kops ${c.v.text} supports api.loadBalancer.${f.key} only on AWS: remove it for cloudProvider ${cloudProviderOf(c.doc) ?? '(unset)'}.`,
    fixes: ruleFix(c, `Remove api.loadBalancer.${f.key}`, (e) => e.removeKey([...LB, f.key])),
  }));
}

function internalNeedsPrivateSubnet(c: ClusterContext): Violation[] {
  if (!atLeast(c.v, '1.25') || lbType(c.doc) !== 'Internal' || templatedWithin(c.doc, ['spec', 'subnets'])) return [];
  const subnets = itemsAt(c.doc, ['spec', 'subnets']);
  if (subnets.some((_, i) => stringPointerAt(c.doc, ['spec', 'subnets', i, 'type']) === 'Private')) return [];
  return [
    {
      code: 'kops-api',
      at: [...LB, 'type'],
      type: 'Forbidden',
      kopsPath: `${LB_KOPS}.type`,
      detail: 'Internal LoadBalancers must have at least one subnet of type Private',
      message: `kops ${c.v.text} places an Internal API load balancer in Private subnets: add a subnet of type Private, or use type Public.`,
    },
  ];
}

export const loadBalancerRules: ClusterRule = (c) => {
  if (!isMap(nodeAt(c.doc, LB)) || lbUnknown(c.doc)) return [];
  return [...awsOnlySettings(c), ...internalNeedsPrivateSubnet(c)];
};
