import type { YamlDocument } from '../../../document/documents';
import { intAt, isSetAt, structAt } from '../../../kops/goValues';
import { inEra, type Era } from '../../../kops/eras';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProvider, clusterOf } from './clusterView';
import { controlPlaneRole, internalRole, shown } from './igFacts';

/**
 * Warm pools (from v1.21): the InstanceGroup's own, else the cluster's default for Node and APIServer groups,
 * merged as kops' WarmPoolSpec.ResolveDefaults does. v1.21–v1.25 check every cloud (and forbid a group's warm
 * pool off AWS); from v1.26 only AWS clusters are checked. Mixed instances were refused until v1.34.1.
 */

const CODE = 'kops-instancegroup-cluster';
const NO_MIXED_INSTANCES: Era = { from: '1.21', until: '1.34.2' };

interface WarmPool {
  minSize: number;
  maxSize?: number;
}

/** A warm pool spec, or 'unknown' when one of its sizes does not decode. */
function readPool(doc: YamlDocument, path: readonly PathSegment[]): WarmPool | 'unknown' {
  const min = isSetAt(doc, [...path, 'minSize']) ? intAt(doc, [...path, 'minSize'], 64) : 0;
  const max = isSetAt(doc, [...path, 'maxSize']) ? intAt(doc, [...path, 'maxSize'], 64) : undefined;
  if (min === undefined || (max === undefined && isSetAt(doc, [...path, 'maxSize']))) return 'unknown';
  return max === undefined ? { minSize: min } : { minSize: min, maxSize: max };
}

function resolvedPool(g: InstanceGroupContext, cluster: YamlDocument, role: string, v: KopsVersion): WarmPool | 'unknown' {
  const own = structAt(g.doc, ['spec', 'warmPool']) ? readPool(g.doc, ['spec', 'warmPool']) : undefined;
  const defaults = structAt(cluster, ['spec', 'warmPool']) ? readPool(cluster, ['spec', 'warmPool']) : undefined;
  const noDefaults = !defaults || role === controlPlaneRole(v) || role === 'Bastion';
  if (own === undefined) return noDefaults ? { minSize: 0, maxSize: 0 } : defaults;
  if (noDefaults) return own;
  if (own === 'unknown' || defaults === 'unknown') return 'unknown';
  const maxSize = own.maxSize ?? defaults.maxSize;
  return { minSize: own.minSize || defaults.minSize, ...(maxSize === undefined ? {} : { maxSize }) };
}

export function warmPoolViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  const role = internalRole(g.doc, g.v);
  const cloud = cluster && cloudProvider(cluster);
  if (!cluster || !cloud || role === undefined || !atLeast(g.v, '1.21')) return [];
  const out: Violation[] = [];
  const problem = (
    at: PathSegment[],
    type: 'Forbidden' | 'Invalid',
    detail: string,
    message: string,
    anchor?: PathSegment[],
  ): Violation => ({
    code: CODE,
    at,
    ...(anchor ? { anchors: [anchor] } : {}),
    type,
    kopsPath: at.join('.'),
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  if (cloud !== 'aws') {
    if (atLeast(g.v, '1.26')) return [];
    if (structAt(g.doc, ['spec', 'warmPool'])) {
      out.push(
        problem(
          ['spec', 'warmPool'],
          'Forbidden',
          'warm pool only supported on AWS',
          `supports warm pools on AWS only, and this cluster runs on ${shown(cloud)}: remove warmPool.`,
        ),
      );
    }
  }
  const pool = resolvedPool(g, cluster, role, g.v);
  if (pool === 'unknown') return out;
  if (pool.maxSize !== 0) {
    if (role !== 'Node' && role !== 'APIServer') {
      out.push(
        problem(
          ['spec', 'warmPool'],
          'Forbidden',
          'warm pool only allowed on instance groups with role Node or APIServer',
          'allows warm pools on Node and APIServer InstanceGroups only.',
          ['spec', 'role'],
        ),
      );
    }
    if (inEra(g.v, NO_MIXED_INSTANCES) && structAt(g.doc, ['spec', 'mixedInstancesPolicy'])) {
      out.push(
        problem(
          ['spec', 'warmPool'],
          'Forbidden',
          'warm pool cannot be combined with a mixed instances policy',
          'cannot combine a warm pool with a mixed instances policy (allowed from v1.34.2).',
          ['spec', 'mixedInstancesPolicy'],
        ),
      );
    }
    if (isSetAt(g.doc, ['spec', 'maxPrice'])) {
      out.push(
        problem(
          ['spec', 'warmPool'],
          'Forbidden',
          'warm pool cannot be used with spot instances',
          'cannot keep a warm pool of spot instances: remove maxPrice or the warm pool.',
          ['spec', 'maxPrice'],
        ),
      );
    }
  }
  if (pool.maxSize !== undefined && pool.maxSize < 0) {
    out.push(
      problem(['spec', 'warmPool', 'maxSize'], 'Invalid', 'warm pool maxSize cannot be negative', 'rejects a negative warm pool maxSize.'),
    );
  } else if (pool.maxSize !== undefined && pool.minSize > pool.maxSize) {
    out.push(
      problem(
        ['spec', 'warmPool', 'maxSize'],
        'Invalid',
        'warm pool maxSize cannot be set to lower than minSize',
        `rejects warm pool maxSize ${pool.maxSize} below minSize ${pool.minSize}.`,
      ),
    );
  }
  if (pool.minSize < 0) {
    out.push(
      problem(['spec', 'warmPool', 'minSize'], 'Invalid', 'warm pool minSize cannot be negative', 'rejects a negative warm pool minSize.'),
    );
  }
  return out;
}
