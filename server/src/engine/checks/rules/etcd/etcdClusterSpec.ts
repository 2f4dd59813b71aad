import type { EtcdCluster } from '../../../kops/etcdClusters';
import { etcdClusterPath } from '../../../kops/etcdClusters';
import { eraOf, inAnyEra, type Era } from '../../../kops/eras';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import { parseSemver } from '../../../kops/semver';
import { supportedValuesDetail, type Violation } from '../violation';

/**
 * kops' checks of one etcd cluster (validateEtcdClusterSpec, validateEtcdVersion, validateEtcdMemberSpec): a name,
 * a known provider, an odd number of members, an etcd v3 (or, before kops v1.20, v2) storage version, and a name
 * and instanceGroup on every member. Where kops accepts only known names, etcdNames.ts reports the name instead.
 */

/** Releases that require a name without checking it against the known ones. */
const NAME_REQUIRED: readonly Era[] = [
  { from: '1.18', until: '1.21.5' },
  { from: '1.22', until: '1.22.3' },
];
const PROVIDERS: ReadonlyArray<Era & { values: string[] }> = [
  { from: '1.18', until: '1.23', values: ['Manager', 'Legacy'] },
  { from: '1.23', values: ['Manager'] },
];
const STORAGE_MAJORS: ReadonlyArray<Era & { majors: number[]; detail: string }> = [
  { from: '1.18', until: '1.20', majors: [2, 3], detail: 'unsupported storage version, we only support major versions 2 and 3' },
  { from: '1.20', majors: [3], detail: 'unsupported storage version, we only support major version 3' },
];
const ODD_MEMBERS_DETAIL = (v: KopsVersion): string =>
  atLeast(v, '1.26')
    ? 'Should be an odd number of control-plane-zones for quorum. Use --zones and --control-plane-zones to declare node zones and control-plane zones separately'
    : 'Should be an odd number of master-zones for quorum. Use --zones and --master-zones to declare node zones and master zones separately';

/** What the rules need beyond the etcd cluster itself. */
export interface EtcdSpecContext {
  v: KopsVersion;
  /** spec.kubernetesVersion is 1.18 or newer (undefined when it cannot be read). */
  kubernetes118OrNewer?: boolean;
}

const etcdViolation = (x: Omit<Violation, 'code'>): Violation => ({ code: 'kops-etcd', ...x });

function nameRule(c: EtcdCluster, v: KopsVersion): Violation[] {
  if (c.name !== '' || !inAnyEra(v, NAME_REQUIRED)) return [];
  return [
    etcdViolation({
      at: etcdClusterPath(c.index, 'name'),
      anchors: [etcdClusterPath(c.index, 'etcdMembers'), etcdClusterPath(c.index)],
      type: 'Required',
      kopsPath: `spec.etcdClusters[${c.index}].name`,
      detail: 'etcdCluster did not have name',
      message: `kops ${v.text} needs a name on every etcd cluster: name this one main or events (or cilium for Cilium's own etcd).`,
    }),
  ];
}

function providerRules(c: EtcdCluster, ctx: EtcdSpecContext): Violation[] {
  const values = eraOf(ctx.v, PROVIDERS)?.values;
  if (c.provider === '' || !values) return [];
  const at = etcdClusterPath(c.index, 'provider');
  const kopsPath = `spec.etcdClusters[${c.index}].provider`;
  const out: Violation[] = [];
  if (!values.includes(c.provider)) {
    const listed = values.join(' or ');
    out.push(
      etcdViolation({
        at,
        type: 'NotSupported',
        kopsPath,
        detail: supportedValuesDetail(values),
        message: `kops ${ctx.v.text} accepts only the etcd provider ${listed}: change ${c.provider} or remove provider (Manager is the default).`,
      }),
    );
  }
  if (c.provider === 'Legacy' && values.includes('Legacy') && ctx.kubernetes118OrNewer) {
    out.push(
      etcdViolation({
        at,
        type: 'Forbidden',
        kopsPath,
        detail: 'support for Legacy mode removed as of Kubernetes 1.18',
        message: `kops ${ctx.v.text} no longer runs Legacy etcd for Kubernetes 1.18 and newer: switch this cluster to the Manager provider (etcd-manager).`,
      }),
    );
  }
  return out;
}

function memberCountRule(c: EtcdCluster, v: KopsVersion): Violation[] {
  const at = etcdClusterPath(c.index, 'etcdMembers');
  const kopsPath = `spec.etcdClusters[${c.index}].etcdMembers`;
  const anchors = [etcdClusterPath(c.index, 'name'), etcdClusterPath(c.index)];
  const label = c.name || `number ${c.index + 1}`;
  if (c.members.length === 0) {
    return [
      etcdViolation({
        at,
        anchors,
        type: 'Required',
        kopsPath,
        detail: 'No members defined in etcd cluster',
        message: `kops ${v.text} needs at least one member in etcd cluster ${label}: add one per control-plane InstanceGroup.`,
      }),
    ];
  }
  if (c.members.length % 2 === 1) return [];
  return [
    etcdViolation({
      at,
      type: 'Invalid',
      kopsPath,
      detail: ODD_MEMBERS_DETAIL(v),
      message: `kops ${v.text} wants an odd number of members for etcd quorum, but etcd cluster ${label} has ${c.members.length}: add or remove one.`,
    }),
  ];
}

function versionRule(c: EtcdCluster, v: KopsVersion): Violation[] {
  const era = eraOf(v, STORAGE_MAJORS);
  if (c.version === '' || !era) return [];
  const parsed = parseSemver(c.version.startsWith('v') ? c.version.slice(1) : c.version);
  if (parsed && era.majors.includes(parsed.major)) return [];
  const wanted = era.majors.length > 1 ? 'etcd 2 or 3' : 'etcd 3';
  return [
    etcdViolation({
      at: etcdClusterPath(c.index, 'version'),
      type: 'Invalid',
      kopsPath: `spec.etcdClusters[${c.index}].version`,
      detail: parsed ? era.detail : 'the storage version is invalid',
      message: parsed
        ? `kops ${v.text} runs only ${wanted}: set version to a ${wanted} release such as 3.5.21, or remove it for the default.`
        : `kops ${v.text} cannot read etcd version ${c.version}: write a full version such as 3.5.21, or remove it for the default.`,
    }),
  ];
}

function memberRules(c: EtcdCluster, v: KopsVersion): Violation[] {
  return c.members.flatMap((m, j) => {
    const item = etcdClusterPath(c.index, 'etcdMembers', j);
    const required = (key: 'name' | 'instanceGroup', detail: string, what: string): Violation =>
      etcdViolation({
        at: [...item, key],
        anchors: [[...item, key === 'name' ? 'instanceGroup' : 'name'], item],
        type: 'Required',
        kopsPath: `spec.etcdClusters[${c.index}].etcdMembers[${j}].${key}`,
        detail,
        message: `kops ${v.text} needs ${key} on every etcd member: ${what}.`,
      });
    return [
      ...(m.name === ''
        ? [required('name', 'etcdMember did not have name', 'give this member one, usually its zone letter such as a')]
        : []),
      ...(m.instanceGroup === ''
        ? [
            required(
              'instanceGroup',
              'etcdMember did not have instanceGroup',
              'set it to the control-plane InstanceGroup this member runs on',
            ),
          ]
        : []),
    ];
  });
}

/** Every rejection of one etcd cluster, in kops' order. */
export function etcdClusterSpecRules(c: EtcdCluster, ctx: EtcdSpecContext): Violation[] {
  return [
    ...nameRule(c, ctx.v),
    ...providerRules(c, ctx),
    ...memberCountRule(c, ctx.v),
    ...versionRule(c, ctx.v),
    ...memberRules(c, ctx.v),
  ];
}
