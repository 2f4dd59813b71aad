import type { YamlDocument } from '../../../document/documents';
import { goStringAt, intAt, structAt } from '../../../kops/goValues';
import { atLeast } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProvider, clusterOf } from './clusterView';
import { internalRole, shown } from './igFacts';

/**
 * InstanceGroups managed by Karpenter (checked from v1.36): AWS only, role Node, a positive maxSize, an image
 * Karpenter can select, and a minSize (static capacity) only when the cluster's Karpenter feature gates allow it.
 */

const CODE = 'kops-instancegroup-cluster';
const IMAGE_FORMS = 'must be ami-*, ssm:<parameter>, <name>, or <owner>/<name>';

/** Static capacity is on unless the cluster's feature gates say otherwise; the last StaticCapacity entry wins. */
function staticCapacityEnabled(cluster: YamlDocument): boolean | undefined {
  if (!structAt(cluster, ['spec', 'karpenter'])) return true;
  const gates = goStringAt(cluster, ['spec', 'karpenter', 'featureGates']);
  if (gates === undefined) return undefined;
  if (gates === '') return true;
  let enabled = false;
  for (const gate of gates.split(',')) {
    const eq = gate.indexOf('=');
    if (eq < 0 || gate.slice(0, eq).trim() !== 'StaticCapacity') continue;
    enabled =
      gate
        .slice(eq + 1)
        .trim()
        .toLowerCase() === 'true';
  }
  return enabled;
}

/** kops' check of an image Karpenter selects AMIs by; undefined when it is fine. */
function imageProblem(image: string): string | undefined {
  const trimmed = image.trim();
  if (trimmed === '' || trimmed.startsWith('ami-')) return undefined;
  if (trimmed.includes('://')) return IMAGE_FORMS;
  if (trimmed.startsWith('ssm:')) return trimmed === 'ssm:' ? 'ssm image parameter is required' : undefined;
  const slash = trimmed.indexOf('/');
  return slash >= 0 && (slash === 0 || slash === trimmed.length - 1) ? IMAGE_FORMS : undefined;
}

export function karpenterViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  if (!cluster || !atLeast(g.v, '1.36') || goStringAt(g.doc, ['spec', 'manager']) !== 'Karpenter') return [];
  const out: Violation[] = [];
  const problem = (key: string, type: 'Forbidden' | 'Invalid', detail: string, message: string): Violation => ({
    code: CODE,
    at: ['spec', key],
    anchors: [['spec', 'manager']],
    type,
    kopsPath: `spec.${key}`,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const cloud = cloudProvider(cluster);
  if (cloud && cloud !== 'aws') {
    out.push(
      problem(
        'manager',
        'Forbidden',
        'Karpenter InstanceGroups are only supported on AWS',
        `runs Karpenter InstanceGroups on AWS only, and this cluster runs on ${shown(cloud)}.`,
      ),
    );
  }
  const role = internalRole(g.doc, g.v);
  if (role !== undefined && role !== 'Node') {
    out.push(
      problem(
        'role',
        'Forbidden',
        'Karpenter InstanceGroups must have role Node',
        'lets Karpenter manage Node InstanceGroups only: set role Node or drop manager Karpenter.',
      ),
    );
  }
  const maxSize = intAt(g.doc, ['spec', 'maxSize']);
  if (maxSize !== undefined && maxSize <= 0) {
    out.push(
      problem('maxSize', 'Invalid', 'must be greater than zero', 'needs a Karpenter InstanceGroup maxSize above zero, or remove maxSize.'),
    );
  }
  const image = goStringAt(g.doc, ['spec', 'image']);
  const badImage = image === undefined ? undefined : imageProblem(image);
  if (badImage) {
    out.push(problem('image', 'Invalid', badImage, 'needs a Karpenter image written ami-ID, ssm:PARAMETER, NAME or OWNER/NAME.'));
  }
  const minSize = intAt(g.doc, ['spec', 'minSize']);
  if (minSize !== undefined && minSize <= 0) {
    out.push(
      problem(
        'minSize',
        'Invalid',
        'must be greater than zero for static capacity',
        'needs minSize above zero for Karpenter static capacity, or remove minSize.',
      ),
    );
  } else if (minSize !== undefined && staticCapacityEnabled(cluster) === false) {
    out.push(
      problem(
        'minSize',
        'Forbidden',
        'static capacity requires StaticCapacity=true in cluster.spec.karpenter.featureGates',
        'needs StaticCapacity=true in the cluster karpenter.featureGates for a minSize here: add it or remove minSize.',
      ),
    );
  }
  return out;
}
