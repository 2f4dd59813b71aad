import { boolAt, listAt, structAt } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { k8sAtLeast, oneFix, rejection, type ComponentContext } from './componentContext';

/**
 * Addons that need cert-manager (or IRSA): the secure metrics server, the AWS Load Balancer Controller, the
 * snapshot controller and the pod identity webhook; cert-manager's DNS-01 zones and Karpenter need service
 * accounts with external permissions.
 */

const certManagerOn = (cc: ComponentContext): boolean => boolAt(cc.doc, ['spec', 'certManager', 'enabled']) === true;

const CERT_MANAGER_ENABLED = ['spec', 'certManager', 'enabled'];
const EXTERNAL_PERMISSIONS = ['spec', 'iam', 'useServiceAccountExternalPermissions'];

/** Adds certManager beside `near`, the key the finding blames. */
const enableCertManager = (cc: ComponentContext, near: readonly PathSegment[]) =>
  oneFix('Enable cert-manager (certManager.enabled: true)', cc.editNear(near).set(CERT_MANAGER_ENABLED, 'true'), true, [
    CERT_MANAGER_ENABLED,
  ]);

/** Addons that kops v1.26+ keeps under the AWS cloud provider: checked there, on AWS only. */
const awsAddon = (cc: ComponentContext, key: string): { kopsPath: string } | undefined => {
  if (before(cc.v, '1.26')) return { kopsPath: `spec.${key}` };
  return cc.cloud === 'aws' ? { kopsPath: `spec.cloudProvider.aws.${key}` } : undefined;
};

function metricsServer(cc: ComponentContext): Violation[] {
  const at = ['spec', 'metricsServer'];
  if (before(cc.v, '1.20') || boolAt(cc.doc, [...at, 'enabled']) !== true) return [];
  if (boolAt(cc.doc, [...at, 'insecure']) === true || certManagerOn(cc)) return [];
  return [
    rejection({
      at: [...at, 'insecure'],
      anchors: [[...at, 'enabled']],
      type: 'Forbidden',
      kopsPath: 'spec.metricsServer.insecure',
      detail: 'Secure metrics server requires that cert manager is enabled',
      message: `The secure metrics server needs cert-manager in kops ${cc.v.text}: enable certManager or set metricsServer.insecure: true.`,
      fixes: enableCertManager(cc, [...at, 'insecure']),
    }),
  ];
}

interface CertManagerAddon {
  key: string;
  /** The key as kops prints it (it drops the load balancer controller's "r": awsLoadBalanceController). */
  kopsKey: string;
  since: string;
  /** kops' name in its detail, and ours in the message. */
  kopsName: string;
  name: string;
}

/** An AWS add-on kops runs with a cert-manager issued certificate: enabled, it needs cert-manager. */
function needsCertManager(cc: ComponentContext, addon: CertManagerAddon): Violation[] {
  const at = ['spec', addon.key];
  const where = awsAddon(cc, addon.kopsKey);
  if (before(cc.v, addon.since) || !where || boolAt(cc.doc, [...at, 'enabled']) !== true || certManagerOn(cc)) return [];
  return [
    rejection({
      at,
      anchors: [[...at, 'enabled']],
      type: 'Forbidden',
      kopsPath: where.kopsPath,
      detail: `${addon.kopsName} requires that cert manager is enabled`,
      message: `${addon.name} needs cert-manager in kops ${cc.v.text}: enable certManager.`,
      fixes: enableCertManager(cc, at),
    }),
  ];
}

function snapshotController(cc: ComponentContext): Violation[] {
  const at = ['spec', 'snapshotController', 'enabled'];
  if (before(cc.v, '1.21') || boolAt(cc.doc, at) !== true) return [];
  const forbidden = (detail: string, message: string, fixes?: Violation['fixes']): Violation =>
    rejection({ at, type: 'Forbidden', kopsPath: 'spec.snapshotController.enabled', detail, message, fixes });
  const out: Violation[] = [];
  if (before(cc.v, '1.25') && !k8sAtLeast(cc, '1.20')) {
    out.push(
      forbidden(
        'Snapshot controller requires kubernetes 1.20+',
        `kops ${cc.v.text} runs the snapshot controller on Kubernetes 1.20 or newer only.`,
      ),
    );
  }
  if (!certManagerOn(cc)) {
    out.push(
      forbidden(
        'Snapshot controller requires that cert manager is enabled',
        `The snapshot controller needs cert-manager in kops ${cc.v.text}: enable certManager.`,
        enableCertManager(cc, at),
      ),
    );
  }
  const csi = boolAt(cc.doc, ['spec', 'cloudConfig', 'awsEBSCSIDriver', 'enabled']);
  // v1.21 wanted the EBS CSI driver turned on; v1.22.0–v1.22.3 only refused it turned off.
  const noCsi = before(cc.v, '1.22') ? csi !== true : before(cc.v, '1.22.4') && csi === false;
  if (noCsi) {
    out.push(
      forbidden(
        'Snapshot controller requires external CSI Driver',
        `kops ${cc.v.text} runs the snapshot controller only with the EBS CSI driver: enable cloudConfig.awsEBSCSIDriver.`,
      ),
    );
  }
  return out;
}

const LOAD_BALANCER_CONTROLLER: CertManagerAddon = {
  key: 'awsLoadBalancerController',
  kopsKey: 'awsLoadBalanceController',
  since: '1.20',
  kopsName: 'AWS Load Balancer Controller',
  name: 'The AWS Load Balancer Controller',
};
const POD_IDENTITY_WEBHOOK: CertManagerAddon = {
  key: 'podIdentityWebhook',
  kopsKey: 'podIdentityWebhook',
  since: '1.23',
  kopsName: 'EKS Pod Identity Webhook',
  name: 'The pod identity webhook',
};

/** iam.useServiceAccountExternalPermissions is on; undefined without an iam block (kops then crashes here). */
function externalPermissions(cc: ComponentContext): boolean | undefined {
  if (!structAt(cc.doc, ['spec', 'iam'])) return undefined;
  return boolAt(cc.doc, ['spec', 'iam', 'useServiceAccountExternalPermissions']) === true;
}

const enableExternalPermissions = (cc: ComponentContext, near: readonly PathSegment[]) =>
  oneFix('Set iam.useServiceAccountExternalPermissions: true', cc.editNear(near).set(EXTERNAL_PERMISSIONS, 'true'), true, [
    EXTERNAL_PERMISSIONS,
  ]);

function certManagerZones(cc: ComponentContext): Violation[] {
  const at: PathSegment[] = ['spec', 'certManager'];
  if (before(cc.v, '1.25') || !certManagerOn(cc) || !(listAt(cc.doc, [...at, 'hostedZoneIDs'])?.length ?? 0)) return [];
  if (externalPermissions(cc) !== false) return [];
  return [
    rejection({
      at,
      anchors: [[...at, 'hostedZoneIDs']],
      type: 'Forbidden',
      kopsPath: 'spec.certManager',
      detail: 'Cert Manager requires that service accounts use external permissions in order to do dns-01 validation',
      message: `cert-manager's DNS-01 validation (hostedZoneIDs) needs iam.useServiceAccountExternalPermissions: true in kops ${cc.v.text}.`,
      fixes: enableExternalPermissions(cc, at),
    }),
  ];
}

/**
 * Karpenter: kops v1.25 wanted Kubernetes 1.21+, v1.26+ wants IRSA. (v1.24–v1.26 also required the Karpenter
 * feature flag, which anyone running Karpenter there has set: not reported.)
 */
function karpenter(cc: ComponentContext): Violation[] {
  const at = ['spec', 'karpenter', 'enabled'];
  if (boolAt(cc.doc, at) !== true) return [];
  if (before(cc.v, '1.26')) {
    if (before(cc.v, '1.25') || k8sAtLeast(cc, '1.21')) return [];
    const message = `kops ${cc.v.text} runs Karpenter on Kubernetes 1.21 or newer only: raise kubernetesVersion or turn Karpenter off.`;
    return [
      rejection({
        at,
        type: 'Forbidden',
        kopsPath: 'spec.karpenter.enabled',
        detail: 'karpenter requires Kubernetes 1.21 or greater',
        message,
      }),
    ];
  }
  if (externalPermissions(cc) !== false) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.karpenter.enabled',
      detail: 'Karpenter requires that service accounts use external permissions',
      message: `Karpenter needs iam.useServiceAccountExternalPermissions: true in kops ${cc.v.text}.`,
      fixes: enableExternalPermissions(cc, at),
    }),
  ];
}

export function certManagerAddonRules(cc: ComponentContext): Violation[] {
  return [
    ...metricsServer(cc),
    ...needsCertManager(cc, LOAD_BALANCER_CONTROLLER),
    ...snapshotController(cc),
    ...needsCertManager(cc, POD_IDENTITY_WEBHOOK),
    ...certManagerZones(cc),
    ...karpenter(cc),
  ];
}
