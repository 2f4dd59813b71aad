import type { YamlDocument } from '../../../document/documents';
import { eraOf, inEra } from '../../../kops/eras';
import { boolAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { parseKubernetesVersion } from '../../../kops/semver';
import type { ClusterContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { cloudProviderOf, cloudViolation, setValueFix } from './cloudFacts';

/** awsValidateCluster's checks outside the API load balancer (kops aws.go): the EBS CSI driver, the external CCM, NLB security groups. */

const EBS_CSI = ['spec', 'cloudConfig', 'awsEBSCSIDriver'] as const;
const ECCM = ['spec', 'externalCloudControllerManager'] as const;

function ebsDriverProblems(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (before(v, '1.29') || boolAt(doc, [...EBS_CSI, 'enabled']) !== false) return [];
  return [
    cloudViolation({
      at: [...EBS_CSI, 'enabled'],
      type: 'Forbidden',
      kopsPath: 'spec.cloudProvider.aws.ebsCSIDriver.enabled',
      detail: 'must not be disabled',
      message: `kops ${v.text} always runs the AWS EBS CSI driver: remove enabled: false (disabling it was possible before kops v1.29).`,
      fixes: setValueFix(c.file, doc, 'Enable the EBS CSI driver (enabled: true)', [...EBS_CSI, 'enabled'], 'true', [
        ...EBS_CSI,
        'enabled',
      ]),
    }),
  ];
}

/** The external CCM's volume-driver condition, as each release worded and tested it (v1.20 until v1.29). */
const ECCM_ERAS = [
  {
    from: '1.20',
    until: '1.22',
    refuses: (doc: YamlDocument) =>
      stringAt(doc, ['spec', 'kubeControllerManager', 'externalCloudVolumePlugin']) !== 'aws' &&
      boolAt(doc, [...EBS_CSI, 'enabled']) !== true,
    detail:
      'AWS external CCM cannot be used without enabling spec.cloudConfig.AWSEBSCSIDriver or setting spec.kubeControllerManaager.externalCloudVolumePlugin set to `aws`',
    fix: 'enable cloudConfig.awsEBSCSIDriver or set kubeControllerManager.externalCloudVolumePlugin to aws',
  },
  {
    from: '1.22',
    until: '1.26',
    refuses: (doc: YamlDocument) => boolAt(doc, [...EBS_CSI, 'enabled']) === false,
    detail: 'AWS external CCM cannot be used without enabling spec.cloudConfig.AWSEBSCSIDriver.',
    fix: 'do not disable cloudConfig.awsEBSCSIDriver',
  },
  {
    from: '1.26',
    until: '1.29',
    refuses: (doc: YamlDocument) => boolAt(doc, [...EBS_CSI, 'enabled']) === false,
    detail: 'AWS external CCM cannot be used without enabling spec.cloudProvider.aws.ebsCSIDriverSpec.',
    fix: 'do not disable cloudConfig.awsEBSCSIDriver',
  },
];

function externalCcmProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  if (!structAt(doc, [...ECCM])) return [];
  const where = { at: [...ECCM], type: 'Forbidden' as const, kopsPath: 'spec.externalCloudControllerManager' };
  const out: Violation[] = [];
  const k8s = parseKubernetesVersion(stringAt(doc, ['spec', 'kubernetesVersion']) ?? '');
  if (inEra(v, { from: '1.22', until: '1.23' }) && k8s && k8s.major === 1 && k8s.minor < 18) {
    const message = `kops ${v.text} runs the AWS external cloud controller manager only on Kubernetes 1.18 and newer.`;
    out.push(cloudViolation({ ...where, detail: 'AWS external CCM requires kubernetes 1.18+', message }));
  }
  const era = eraOf(v, ECCM_ERAS);
  if (era?.refuses(doc)) {
    const message = `kops ${v.text} needs a volume driver beside the AWS external cloud controller manager: ${era.fix}.`;
    out.push(cloudViolation({ ...where, detail: era.detail, message }));
  }
  return out;
}

function nlbSecurityGroupModeProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const at = ['spec', 'cloudConfig', 'nlbSecurityGroupMode'];
  const mode = stringPointerAt(doc, at);
  if (before(v, '1.36') || mode === undefined || mode === 'Managed') return [];
  return [
    cloudViolation({
      at,
      type: 'NotSupported',
      kopsPath: 'spec.cloudProvider.aws.nlbSecurityGroupMode',
      detail: supportedValuesDetail(['Managed']),
      message: `kops ${v.text} accepts only Managed as cloudConfig.nlbSecurityGroupMode, not ${mode === '' ? 'an empty value' : mode}.`,
    }),
  ];
}

export function awsClusterRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (cloudProviderOf(doc) !== 'aws') return [];
  return [...ebsDriverProblems(c), ...(atLeast(v, '1.20') ? externalCcmProblems(doc, v) : []), ...nlbSecurityGroupModeProblems(doc, v)];
}
