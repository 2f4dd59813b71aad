import type { YamlDocument } from '../../../document/documents';
import { inEra } from '../../../kops/eras';
import { isSetAt, stringAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, decodableCloud, kopsPath } from './cloudFacts';

/**
 * Settings that belong to one cloud. From v1.26 kops' v1alpha2 decoder moves them under that cloud's provider
 * spec and refuses the file, at the first such setting, when the Cluster runs elsewhere. Before v1.26 kops refused
 * a Vault secret or key store outside AWS (v1.19–v1.25).
 */

interface CloudOnlyField {
  key: string[];
  cloud: 'aws' | 'gce';
  from: string;
  detail: string;
  /** kops' path when it differs from the v1alpha2 key. */
  kopsKey?: string[];
}

/** In the order kops' decoder tests them. */
const FIELDS: readonly CloudOnlyField[] = [
  { key: ['cloudConfig', 'awsEBSCSIDriver'], cloud: 'aws', from: '1.26', detail: 'EBS CSI driver supports only AWS' },
  { key: ['cloudConfig', 'gceServiceAccount'], cloud: 'gce', from: '1.26', detail: 'GCE Service Account supports only GCE' },
  {
    key: ['cloudConfig', 'gceUseStartupScript'],
    cloud: 'gce',
    from: '1.31',
    detail: 'GCE Startup Script supports only GCE',
    kopsKey: ['cloudConfig', 'gceStartupScript'],
  },
  {
    key: ['cloudConfig', 'disableSecurityGroupIngress'],
    cloud: 'aws',
    from: '1.27',
    detail: 'disableSecurityGroupIngress supports only AWS',
  },
  { key: ['cloudConfig', 'elbSecurityGroup'], cloud: 'aws', from: '1.27', detail: 'elbSecurityGroup supports only AWS' },
  { key: ['cloudConfig', 'nlbSecurityGroupMode'], cloud: 'aws', from: '1.36', detail: 'nlbSecurityGroupMode supports only AWS' },
  { key: ['cloudConfig', 'gcpPDCSIDriver'], cloud: 'gce', from: '1.26', detail: 'PD CSI driver supports only GCE' },
  { key: ['cloudConfig', 'multizone'], cloud: 'gce', from: '1.27', detail: 'multizone supports only GCE' },
  { key: ['cloudConfig', 'nodeIPFamilies'], cloud: 'aws', from: '1.27', detail: 'nodeIPFamilies supports only AWS' },
  { key: ['cloudConfig', 'nodeTags'], cloud: 'gce', from: '1.27', detail: 'nodeTags supports only GCE' },
  { key: ['cloudConfig', 'nodeInstancePrefix'], cloud: 'gce', from: '1.27', detail: 'nodeInstancePrefix supports only GCE' },
  { key: ['cloudConfig', 'spotinstOrientation'], cloud: 'aws', from: '1.27', detail: 'Spotinst supports only AWS' },
  { key: ['cloudConfig', 'spotinstProduct'], cloud: 'aws', from: '1.27', detail: 'Spotinst supports only AWS' },
  { key: ['nodeTerminationHandler'], cloud: 'aws', from: '1.26', detail: 'node termination handler supports only AWS' },
  { key: ['awsLoadBalancerController'], cloud: 'aws', from: '1.26', detail: 'AWS Load Balancer Controller supports only AWS' },
  { key: ['warmPool'], cloud: 'aws', from: '1.26', detail: 'warm pool only supported on AWS' },
  { key: ['podIdentityWebhook'], cloud: 'aws', from: '1.26', detail: 'pod identity webhook supports only AWS' },
];

const CLOUD_NAMES = { aws: 'AWS', gce: 'GCE' } as const;

/** The decoder's test: a pointer, slice or struct is set; gceServiceAccount (a plain string) is non-empty. */
const written = (doc: YamlDocument, f: CloudOnlyField): boolean =>
  f.key[1] === 'gceServiceAccount' ? stringAt(doc, ['spec', ...f.key]) !== undefined : isSetAt(doc, ['spec', ...f.key]);

function firstMisplaced(doc: YamlDocument, v: KopsVersion, cloud: string): Violation[] {
  const field = FIELDS.find((f) => atLeast(v, f.from) && f.cloud !== cloud && written(doc, f));
  if (!field) return [];
  const name = field.key[field.key.length - 1];
  return [
    cloudViolation({
      at: ['spec', ...field.key],
      type: 'Forbidden',
      kopsPath: kopsPath('spec', ...(field.kopsKey ?? field.key)),
      detail: field.detail,
      message: `${name} is for ${CLOUD_NAMES[field.cloud]} clusters only; kops ${v.text} refuses to read the file on ${cloud}: remove it.`,
    }),
  ];
}

function vaultProblems(doc: YamlDocument, v: KopsVersion, cloud: string): Violation[] {
  if (cloud === 'aws' || !inEra(v, { from: '1.19', until: '1.26' })) return [];
  const stores: Array<[string, string]> = [
    ['secretStore', 'Vault secret store is only available on AWS'],
    ['keyStore', 'Vault keystore is only available on AWS'],
  ];
  return stores.flatMap(([key, detail]) => {
    if (!(stringAt(doc, ['spec', key]) ?? '').startsWith('vault://')) return [];
    const message = `kops ${v.text} keeps a Vault ${key} only for AWS clusters: use another store on ${cloud}.`;
    return [cloudViolation({ at: ['spec', key], type: 'Forbidden', kopsPath: `spec.${key}`, detail, message })];
  });
}

export function cloudOnlyFieldRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const cloud = cloudProviderOf(doc);
  if (cloud === undefined) return [];
  return [...(atLeast(v, '1.26') && decodableCloud(cloud, v) ? firstMisplaced(doc, v, cloud) : []), ...vaultProblems(doc, v, cloud)];
}
