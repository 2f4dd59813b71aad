import type { YamlDocument } from '../../../document/documents';
import { inEra } from '../../../kops/eras';
import { boolAt, structAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, removeKeyFix, setValueFix } from './cloudFacts';

/**
 * The AWS add-ons kops validates (validation.go validateAWS and, before v1.26, validateClusterSpec): the node
 * termination handler, the AWS Load Balancer Controller and the EKS Pod Identity Webhook. From v1.26 kops keeps them
 * under spec.cloudProvider.aws and checks them on AWS only (other clouds fail decoding: cloudOnlyFields.ts).
 */

const NTH = ['spec', 'nodeTerminationHandler'] as const;

/** kops' own path of an AWS add-on: spec.<key> before v1.26, spec.cloudProvider.aws.<key> since. */
const addonPath = (v: KopsVersion, key: string): string => (atLeast(v, '1.26') ? `spec.cloudProvider.aws.${key}` : `spec.${key}`);

const certManagerEnabled = (doc: YamlDocument): boolean => boolAt(doc, ['spec', 'certManager', 'enabled']) === true;

function nthElsewhere(doc: YamlDocument, v: KopsVersion, cloud: string | undefined): Violation[] {
  if (!inEra(v, { from: '1.19', until: '1.26' }) || cloud === undefined || cloud === 'aws' || !structAt(doc, [...NTH])) return [];
  return [
    cloudViolation({
      at: [...NTH],
      type: 'Forbidden',
      kopsPath: 'spec.nodeTerminationHandler',
      detail: 'Node Termination Handler supports only AWS',
      message: `The node termination handler runs only on AWS; kops ${v.text} rejects it on ${cloud}: remove nodeTerminationHandler.`,
    }),
  ];
}

function nthQueueProblems(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const base = 'spec.cloudProvider.aws.nodeTerminationHandler';
  const out: Violation[] = [];
  if (atLeast(v, '1.34') && boolAt(doc, [...NTH, 'enabled']) !== false && boolAt(doc, ['spec', 'karpenter', 'enabled']) === true) {
    const message = `kops ${v.text} does not run the node termination handler beside Karpenter: disable one of them.`;
    out.push(
      cloudViolation({
        at: [...NTH],
        type: 'Forbidden',
        kopsPath: base,
        detail: 'nodeTerminationHandler cannot be used in conjunction with Karpenter',
        message,
      }),
    );
  }
  const queueMode = boolAt(doc, [...NTH, 'enabled']) === true && boolAt(doc, [...NTH, 'enableSQSTerminationDraining']) !== false;
  if (!queueMode) return out;
  const drainingOff = (key: string, what: string, until?: string): void => {
    if (boolAt(doc, [...NTH, key]) !== false || (until !== undefined && !before(v, until))) return;
    const message = `In queue processor mode (enableSQSTerminationDraining) kops ${v.text} always drains on ${what}: remove ${key}: false.`;
    const fixes = removeKeyFix(c.file, doc, `Remove \`${key}: false\``, [...NTH, key]);
    out.push(
      cloudViolation({
        at: [...NTH, key],
        type: 'Forbidden',
        kopsPath: `${base}.${key}`,
        detail: `${what} draining cannot be disabled in Queue Processor mode`,
        message,
        fixes,
      }),
    );
  };
  drainingOff('enableSpotInterruptionDraining', 'spot interruption');
  drainingOff('enableScheduledEventDraining', 'scheduled event', '1.36');
  if (boolAt(doc, [...NTH, 'enableRebalanceDraining']) !== true && boolAt(doc, [...NTH, 'enableRebalanceMonitoring']) === true) {
    const message =
      'In queue processor mode rebalance recommendations are drained, not only monitored: set enableRebalanceDraining to true instead.';
    out.push(
      cloudViolation({
        at: [...NTH, 'enableRebalanceMonitoring'],
        type: 'Forbidden',
        kopsPath: `${base}.enableRebalanceMonitoring`,
        detail: 'rebalance events can only drain in Queue Processor mode',
        message,
        fixes: setValueFix(
          c.file,
          doc,
          'Drain on rebalance recommendations (`enableRebalanceDraining: true`)',
          [...NTH, 'enableRebalanceDraining'],
          'true',
        ),
      }),
    );
  }
  return out;
}

function needsCertManager(c: ClusterContext, key: string, internalKey: string, name: string): Violation[] {
  const { doc, v } = c;
  const enabled = boolAt(doc, ['spec', key, 'enabled']) === true;
  if (!enabled || certManagerEnabled(doc)) return [];
  return [
    cloudViolation({
      at: ['spec', key],
      underline: ['spec', key, 'enabled'],
      type: 'Forbidden',
      kopsPath: addonPath(v, internalKey),
      detail: `${name} requires that cert manager is enabled`,
      message: `kops ${v.text} runs the ${name} only with cert-manager: set certManager.enabled to true.`,
      fixes: setValueFix(c.file, doc, 'Enable cert-manager (`spec.certManager.enabled: true`)', ['spec', 'certManager', 'enabled'], 'true'),
    }),
  ];
}

export function awsAddonRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const cloud = cloudProviderOf(doc);
  const onAws = cloud === 'aws';
  const checked = before(v, '1.26') || onAws;
  return [
    ...nthElsewhere(doc, v, cloud),
    ...(onAws && atLeast(v, '1.26') && structAt(doc, [...NTH]) ? nthQueueProblems(c) : []),
    ...(checked && atLeast(v, '1.20')
      ? needsCertManager(c, 'awsLoadBalancerController', 'awsLoadBalanceController', 'AWS Load Balancer Controller')
      : []),
    ...(checked && atLeast(v, '1.23') ? needsCertManager(c, 'podIdentityWebhook', 'podIdentityWebhook', 'EKS Pod Identity Webhook') : []),
  ];
}
