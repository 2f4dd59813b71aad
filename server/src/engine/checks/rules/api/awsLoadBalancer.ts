import { isMap, isScalar } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, itemsAt, stringPointerAt } from '../../../kops/goValues';
import { kopsKubernetesVersion } from '../../../kops/kubernetesVersion';
import { atLeast, before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';
import { ruleFix } from '../ruleFix';
import { cloudProviderOf, kubernetesVersionOf, usesNoneDNS } from '../cluster/clusterDoc';
import { lbClass, lbString, lbType, lbUnknown, LB, LB_KOPS } from './loadBalancerDoc';

/**
 * The API load balancer on AWS (awsValidateCluster, and validateClusterSpec before v1.27): class, security groups,
 * the NLB-only settings. Where kops blamed a parent (`spec` until v1.24, `spec.api.loadBalancer` in v1.25–v1.26)
 * the finding is placed there too, underlining the setting. An unset class reads as Classic (v1.19–v1.27 decoding
 * fills it in; later releases compare the empty class the same way).
 */

const CLASSES = ['Classic', 'Network'];

type Era = 'spec' | 'loadBalancer' | 'field';
const blameEra = (c: ClusterContext): Era => (before(c.v, '1.25') ? 'spec' : before(c.v, '1.27') ? 'loadBalancer' : 'field');

function blamed(c: ClusterContext, key: string, kopsKey: string): Pick<Violation, 'at' | 'underline' | 'kopsPath'> {
  const era = blameEra(c);
  if (era === 'field') return { at: [...LB, key], kopsPath: `${LB_KOPS}.${kopsKey}` };
  return era === 'spec'
    ? { at: ['spec'], underline: [...LB, key], kopsPath: 'spec' }
    : { at: LB, underline: [...LB, key], kopsPath: LB_KOPS };
}

function lbClassValue(c: ClusterContext): Violation[] {
  const cls = lbClass(c.doc);
  if (before(c.v, '1.19') || cls === '' || CLASSES.includes(cls)) return [];
  return [
    {
      code: 'kops-api',
      at: [...LB, 'class'],
      type: 'NotSupported',
      kopsPath: before(c.v, '1.25') ? 'spec.class' : `${LB_KOPS}.class`,
      detail: supportedValuesDetail(CLASSES),
      message: `kops ${c.v.text} accepts api.loadBalancer.class Classic or Network: change ${shortText(cls)}.`,
    },
  ];
}

function nlbOnly(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const out: Violation[] = [];
  const nlb = lbClass(doc) === 'Network';
  if (atLeast(v, '1.26') && usesNoneDNS(doc) && !nlb) {
    out.push({
      code: 'kops-api',
      at: [...LB, 'type'],
      anchors: [[...LB, 'class']],
      type: 'Forbidden',
      kopsPath: `${LB_KOPS}.type`,
      detail: 'topology.dns.type=none requires Network Load Balancer',
      message: `With topology.dns.type None, kops ${v.text} reaches the API through a Network load balancer: set api.loadBalancer.class to Network.`,
      fixes: ruleFix(c, 'Set api.loadBalancer.class to Network', (e) => e.set([...LB, 'class'], 'Network'), true, [...LB, 'type']),
    });
  }
  if (atLeast(v, '1.19') && nlb && boolAt(doc, [...LB, 'useForInternalApi']) === true && lbType(doc) === 'Internal') {
    out.push({
      code: 'kops-api',
      ...blamed(c, 'useForInternalApi', 'useForInternalAPI'),
      type: 'Forbidden',
      detail: `${before(v, '1.26') ? 'useForInternalApi' : 'useForInternalAPI'} cannot be used with internal NLB due lack of hairpinning support`,
      message: `kops ${v.text} cannot route internal API traffic through an internal NLB (no hairpinning): remove useForInternalApi or use a Public one.`,
    });
  }
  if (atLeast(v, '1.19') && lbString(doc, 'sslCertificate') !== '' && !nlb && sslNeedsNlb(c)) {
    out.push({
      code: 'kops-api',
      ...blamed(c, 'sslCertificate', 'sslCertificate'),
      type: 'Forbidden',
      detail: sslDetail(c),
      message: `kops ${v.text} terminates TLS with sslCertificate only on a Network load balancer: set api.loadBalancer.class to Network.`,
    });
  }
  const policy = stringPointerAt(doc, [...LB, 'sslPolicy']);
  if (atLeast(v, '1.19') && policy !== undefined) {
    const at = [...LB, 'sslPolicy'];
    if (!nlb) {
      out.push({
        code: 'kops-api',
        at,
        type: 'Forbidden',
        kopsPath: `${LB_KOPS}.sslPolicy`,
        detail: 'sslPolicy should be specified with Network Load Balancer',
        message: `kops ${v.text} applies sslPolicy only to a Network load balancer: set class to Network or remove sslPolicy.`,
      });
    }
    if (lbString(doc, 'sslCertificate') === '') {
      out.push({
        code: 'kops-api',
        at,
        type: 'Forbidden',
        kopsPath: `${LB_KOPS}.sslPolicy`,
        detail: 'sslPolicy should not be specified without SSLCertificate',
        message: `kops ${v.text} uses sslPolicy only with sslCertificate: add the certificate or remove sslPolicy.`,
      });
    }
  }
  return out;
}

/** v1.19–v1.23 asked for an NLB only from Kubernetes 1.19. */
function sslNeedsNlb(c: ClusterContext): boolean {
  if (atLeast(c.v, '1.24')) return true;
  const written = kubernetesVersionOf(c.doc);
  const k8s = written === undefined ? undefined : kopsKubernetesVersion(written);
  return !!k8s && (k8s.major > 1 || k8s.minor >= 19);
}

function sslDetail(c: ClusterContext): string {
  const link = 'https://github.com/kubernetes/kops/blob/master/permalinks/acm_nlb.md';
  if (before(c.v, '1.25')) return `sslCertificate requires network loadbalancer for K8s 1.19+ see ${link}`;
  return before(c.v, '1.27')
    ? `sslCertificate requires network loadbalancer. See ${link}`
    : `sslCertificate requires a network load balancer. See ${link}`;
}

function securityGroups(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const out: Violation[] = [];
  const override = stringPointerAt(doc, [...LB, 'securityGroupOverride']);
  if (atLeast(v, '1.27') && override !== undefined) {
    const base = { code: 'kops-api' as const, at: [...LB, 'securityGroupOverride'], kopsPath: `${LB_KOPS}.securityGroupOverride` };
    if (override.trim() === '') {
      out.push({
        ...base,
        type: 'Invalid',
        detail: 'security group override cannot be empty, if specified',
        message: `kops ${v.text} needs a security group ID in securityGroupOverride, e.g. sg-0123456789abcdef0: set it or remove the key.`,
      });
    } else {
      if (!override.startsWith('sg-')) {
        out.push({
          ...base,
          type: 'Invalid',
          detail: 'security group override does not match the expected AWS format',
          message: `kops ${v.text} expects a security group ID (sg-…) in securityGroupOverride: replace ${shortText(override)}.`,
        });
      }
      if (before(v, '1.32.1') && lbClass(doc) === 'Network') {
        out.push({
          ...base,
          type: 'Forbidden',
          detail: 'security group override cannot be specified for a Network Load Balancer',
          message: `kops ${v.text} cannot override the security group of a Network load balancer: remove securityGroupOverride.`,
        });
      }
    }
  }
  const seen = new Set<string>();
  itemsAt(doc, [...LB, 'additionalSecurityGroups']).forEach((node, i) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const group = node.value;
    const base = {
      code: 'kops-api' as const,
      at: [...LB, 'additionalSecurityGroups', i],
      kopsPath: `${LB_KOPS}.additionalSecurityGroups[${i}]`,
    };
    if (seen.has(group))
      out.push({
        ...base,
        type: 'Duplicate',
        detail: '',
        message: `The security group ${shortText(group)} is listed twice in additionalSecurityGroups: remove one.`,
      });
    seen.add(group);
    if (group.trim() === '') {
      out.push({
        ...base,
        type: 'Invalid',
        detail: 'security group cannot be empty, if specified',
        message: 'kops needs a security group ID (sg-…) in each additionalSecurityGroups entry: fill in or remove the empty one.',
      });
    } else if (!group.startsWith('sg-')) {
      out.push({
        ...base,
        type: 'Invalid',
        detail: 'security group does not match the expected AWS format',
        message: `kops expects security group IDs (sg-…) in additionalSecurityGroups: replace ${shortText(group)}.`,
      });
    }
  });
  return out;
}

export const awsLoadBalancerRules: ClusterRule = (c) => {
  if (cloudProviderOf(c.doc) !== 'aws' || !isMap(nodeAt(c.doc, LB)) || lbUnknown(c.doc)) return [];
  return [...lbClassValue(c), ...nlbOnly(c), ...securityGroups(c)];
};
