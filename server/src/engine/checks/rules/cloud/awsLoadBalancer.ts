import type { YamlDocument } from '../../../document/documents';
import { inEra } from '../../../kops/eras';
import { boolAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { ClusterContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { additionalSecurityGroupProblems, securityGroupOverrideProblems } from './awsSecurityGroups';
import { awsLoadBalancerSubnetProblems } from './awsLoadBalancerSubnets';
import { cloudProviderOf, cloudViolation, kopsPath, setValueFix } from './cloudFacts';

/**
 * awsValidateCluster's API load balancer checks (kops aws.go), on AWS clusters that write `spec.api.loadBalancer`.
 * The AWS-only checks kops kept in validation.go before v1.27 (class, sslCertificate, useForInternalApi) are not here.
 */

export const LB = ['spec', 'api', 'loadBalancer'] as const;
const CLASSES = ['Classic', 'Network'];

/** The class kops sees: v1alpha2 decoding fills in Classic on AWS from v1.19 until v1.28. */
export function loadBalancerClass(doc: YamlDocument, v: KopsVersion): string {
  const written = stringAt(doc, [...LB, 'class']) ?? '';
  return written === '' && atLeast(v, '1.19') && before(v, '1.28') ? 'Classic' : written;
}

function classProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const written = stringAt(doc, [...LB, 'class']);
  if (before(v, '1.27') || written === undefined || CLASSES.includes(written)) return [];
  return [
    cloudViolation({
      at: [...LB, 'class'],
      type: 'NotSupported',
      kopsPath: kopsPath(...LB, 'class'),
      detail: supportedValuesDetail(CLASSES),
      message: `kops ${v.text} accepts only Classic or Network as the AWS API load balancer class, not ${written}.`,
    }),
  ];
}

function noneDnsProblems(c: ClusterContext, nlb: boolean): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.26') || nlb || stringAt(doc, ['spec', 'topology', 'dns', 'type']) !== 'None') return [];
  return [
    cloudViolation({
      at: [...LB, 'type'],
      anchors: [[...LB, 'class'], [...LB]],
      type: 'Forbidden',
      kopsPath: kopsPath(...LB, 'type'),
      detail: 'topology.dns.type=none requires Network Load Balancer',
      message: `With topology.dns.type None, kops ${v.text} needs a Network load balancer on AWS: set loadBalancer.class to Network.`,
      fixes: setValueFix(c.file, doc, 'Use a Network load balancer (`class: Network`)', [...LB, 'class'], 'Network'),
    }),
  ];
}

function overrideProblems(doc: YamlDocument, v: KopsVersion, nlb: boolean): Violation[] {
  if (before(v, '1.27')) return [];
  const at = [...LB, 'securityGroupOverride'];
  const found = securityGroupOverrideProblems(doc, at, kopsPath(...at));
  const override = stringPointerAt(doc, at);
  if (!nlb || override === undefined || override.trim() === '' || !inEra(v, { from: '1.27', until: '1.32.1' })) return found;
  return [
    ...found,
    cloudViolation({
      at,
      type: 'Forbidden',
      kopsPath: kopsPath(...at),
      detail: 'security group override cannot be specified for a Network Load Balancer',
      message: `kops ${v.text} does not take a securityGroupOverride for a Network load balancer (kops v1.32.1 and newer do).`,
    }),
  ];
}

function nlbOnlyProblems(doc: YamlDocument, v: KopsVersion, nlb: boolean): Violation[] {
  if (before(v, '1.27')) return [];
  const out: Violation[] = [];
  const internal = stringAt(doc, [...LB, 'type']) === 'Internal';
  if (nlb && internal && boolAt(doc, [...LB, 'useForInternalApi']) === true) {
    out.push(
      cloudViolation({
        at: [...LB, 'useForInternalApi'],
        type: 'Forbidden',
        kopsPath: kopsPath(...LB, 'useForInternalAPI'),
        detail: 'useForInternalAPI cannot be used with internal NLB due lack of hairpinning support',
        message: 'An internal Network load balancer cannot carry internal API traffic (no hairpinning): drop useForInternalApi.',
      }),
    );
  }
  if (!nlb && stringAt(doc, [...LB, 'sslCertificate']) !== undefined) {
    out.push(
      cloudViolation({
        at: [...LB, 'sslCertificate'],
        type: 'Forbidden',
        kopsPath: kopsPath(...LB, 'sslCertificate'),
        detail: 'sslCertificate requires a network load balancer. See https://github.com/kubernetes/kops/blob/master/permalinks/acm_nlb.md',
        message: `kops ${v.text} terminates TLS with sslCertificate only on a Network load balancer: set loadBalancer.class to Network.`,
      }),
    );
  }
  return out;
}

function sslPolicyProblems(doc: YamlDocument, v: KopsVersion, nlb: boolean): Violation[] {
  const at = [...LB, 'sslPolicy'];
  if (before(v, '1.19') || stringPointerAt(doc, at) === undefined) return [];
  const where = { at, type: 'Forbidden' as const, kopsPath: kopsPath(...at) };
  const out: Violation[] = [];
  if (!nlb) {
    out.push(
      cloudViolation({
        ...where,
        detail: 'sslPolicy should be specified with Network Load Balancer',
        message: 'kops applies sslPolicy only to a Network load balancer: set loadBalancer.class to Network or drop sslPolicy.',
      }),
    );
  }
  if (stringAt(doc, [...LB, 'sslCertificate']) === undefined) {
    out.push(
      cloudViolation({
        ...where,
        detail: 'sslPolicy should not be specified without SSLCertificate',
        message: 'kops needs an sslCertificate on the load balancer for sslPolicy to apply: add one or drop sslPolicy.',
      }),
    );
  }
  return out;
}

export function awsLoadBalancerRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (cloudProviderOf(doc) !== 'aws' || !structAt(doc, [...LB])) return [];
  const nlb = loadBalancerClass(doc, v) === 'Network';
  return [
    ...classProblems(doc, v),
    ...noneDnsProblems(c, nlb),
    ...overrideProblems(doc, v, nlb),
    ...additionalSecurityGroupProblems(doc, [...LB, 'additionalSecurityGroups'], [...LB, 'additionalSecurityGroups']),
    ...nlbOnlyProblems(doc, v, nlb),
    ...sslPolicyProblems(doc, v, nlb),
    ...awsLoadBalancerSubnetProblems(doc, v, nlb),
  ];
}
