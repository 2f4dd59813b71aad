import type { YamlDocument } from '../../../document/documents';
import { inEra } from '../../../kops/eras';
import { isSetAt, stringAt, structAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation } from './cloudFacts';
import { warmPoolSizeProblems, warmPoolSizes, type WarmPoolSizes } from './awsWarmPool';

/**
 * An InstanceGroup's warm pool against its Cluster (kops CrossValidateInstanceGroup, v1.21 and newer): the pool
 * the group gets (its own, completed from the Cluster's default) is checked for size, role and spot use.
 */

const WARM_POOL = ['spec', 'warmPool'] as const;

/** Where the Cluster keeps its default warm pool in its own apiVersion. */
const clusterWarmPoolPath = (cluster: YamlDocument): PathSegment[] =>
  cluster.kops?.apiVersion === 'v1alpha3' ? ['spec', 'cloudProvider', 'aws', 'warmPool'] : ['spec', 'warmPool'];

/** kops' WarmPoolSpec.ResolveDefaults; undefined stands for "no warm pool" (kops' maxSize 0). */
function resolvedPool(ig: YamlDocument, cluster: YamlDocument, role: string | undefined): WarmPoolSizes | undefined {
  const clusterAt = clusterWarmPoolPath(cluster);
  const fromCluster = structAt(cluster, clusterAt) ? warmPoolSizes(cluster, clusterAt) : undefined;
  const own = structAt(ig, [...WARM_POOL]) ? warmPoolSizes(ig, [...WARM_POOL]) : undefined;
  const noDefault = fromCluster === undefined || role === 'Master' || role === 'ControlPlane' || role === 'Bastion';
  if (own === undefined) return noDefault ? undefined : fromCluster;
  if (noDefault) return own;
  return {
    maxSize: own.maxSize ?? fromCluster.maxSize,
    minSize: own.minSize === 0 ? fromCluster.minSize : own.minSize,
    unknown: own.unknown || fromCluster.unknown,
  };
}

function usageProblems(ig: YamlDocument, v: KopsVersion, role: string | undefined): Violation[] {
  const where = { at: [...WARM_POOL], type: 'Forbidden' as const, kopsPath: 'spec.warmPool' };
  const out: Violation[] = [];
  if (role !== 'Node' && role !== 'APIServer') {
    const message = `kops ${v.text} gives warm pools only to InstanceGroups with role Node or APIServer, not ${role ?? 'an unset role'}.`;
    out.push(
      cloudViolation({
        ...where,
        anchors: [['spec', 'role']],
        detail: 'warm pool only allowed on instance groups with role Node or APIServer',
        message,
      }),
    );
  }
  if (inEra(v, { from: '1.21', until: '1.34.2' }) && isSetAt(ig, ['spec', 'mixedInstancesPolicy'])) {
    const message = `kops ${v.text} cannot combine a warm pool with a mixedInstancesPolicy (allowed from kops v1.34.2): drop one of them.`;
    out.push(
      cloudViolation({
        ...where,
        anchors: [['spec', 'mixedInstancesPolicy']],
        detail: 'warm pool cannot be combined with a mixed instances policy',
        message,
      }),
    );
  }
  if (isSetAt(ig, ['spec', 'maxPrice'])) {
    const message = 'A warm pool cannot hold spot instances: remove maxPrice or the warm pool.';
    out.push(
      cloudViolation({ ...where, anchors: [['spec', 'maxPrice']], detail: 'warm pool cannot be used with spot instances', message }),
    );
  }
  return out;
}

export function awsInstanceGroupWarmPoolRules(g: InstanceGroupContext): Violation[] {
  const { doc, v, cluster } = g;
  const cloud = cluster && cloudProviderOf(cluster);
  if (!cluster || cloud === undefined || before(v, '1.21')) return [];
  const out: Violation[] = [];
  const checkedEverywhere = inEra(v, { from: '1.21', until: '1.26' });
  if (cloud !== 'aws') {
    if (!checkedEverywhere) return [];
    if (structAt(doc, [...WARM_POOL])) {
      const message = `Warm pools exist only on AWS; kops ${v.text} rejects this InstanceGroup's warmPool on ${cloud}: remove it.`;
      out.push(
        cloudViolation({
          at: [...WARM_POOL],
          type: 'Forbidden',
          kopsPath: 'spec.warmPool',
          detail: 'warm pool only supported on AWS',
          message,
        }),
      );
    }
  }
  const role = stringAt(doc, ['spec', 'role']);
  const pool = resolvedPool(doc, cluster, role);
  if (pool === undefined || pool.unknown) return out;
  if (pool.maxSize === undefined || pool.maxSize !== 0) out.push(...usageProblems(doc, v, role));
  return [...out, ...warmPoolSizeProblems(pool, [...WARM_POOL], [...WARM_POOL], [['spec', 'role']])];
}
