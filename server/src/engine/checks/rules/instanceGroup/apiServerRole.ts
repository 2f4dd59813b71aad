import { stringAt } from '../../../kops/goValues';
import { eraOf, type Era } from '../../../kops/eras';
import { atLeast } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProvider, clusterOf } from './clusterView';
import { internalRole, shown } from './igFacts';

/** APIServer InstanceGroups (from v1.21): only on some clouds, and (from v1.26) not with topology.dns.type None. */

const CLOUDS: ReadonlyArray<Era & { clouds: string[]; detail: string }> = [
  { from: '1.21', until: '1.26', clouds: ['aws'], detail: 'Apiserver role only supported on AWS' },
  { from: '1.26', until: '1.36', clouds: ['aws'], detail: 'APIServer role only supported on AWS' },
  { from: '1.36', clouds: ['aws', 'gce'], detail: 'APIServer role only supported on AWS and GCE' },
];

export function apiServerRoleViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  const era = eraOf(g.v, CLOUDS);
  if (!cluster || !era || internalRole(g.doc, g.v) !== 'APIServer') return [];
  const out: Violation[] = [];
  const cloud = cloudProvider(cluster);
  if (cloud && !era.clouds.includes(cloud)) {
    out.push({
      code: 'kops-instancegroup-cluster',
      at: ['spec', 'role'],
      type: 'Forbidden',
      kopsPath: 'spec.role',
      detail: era.detail,
      message: `kops ${g.v.text} runs APIServer InstanceGroups on ${era.clouds.map((c) => c.toUpperCase()).join(' and ')} only, and this cluster runs on ${shown(cloud)}.`,
    });
  }
  if (atLeast(g.v, '1.26') && stringAt(cluster, ['spec', 'topology', 'dns', 'type']) === 'None') {
    out.push({
      code: 'kops-instancegroup-cluster',
      at: ['spec', 'role'],
      type: 'Forbidden',
      kopsPath: 'spec.role',
      detail: 'APIServer cannot be used with topology.dns.type=None',
      message: `kops ${g.v.text} needs DNS for APIServer InstanceGroups, and the cluster sets topology.dns.type None: use another role or a DNS type.`,
    });
  }
  return out;
}
