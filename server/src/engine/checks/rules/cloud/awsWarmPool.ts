import { isScalar } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { nodeAt } from '../../../document/yamlNav';
import { inAnyEra, inEra } from '../../../kops/eras';
import { intAt, itemsAt, structAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, kopsPath } from './cloudFacts';

/**
 * AWS warm pools (kops v1.21 and newer): the sizes kops' validateWarmPool checks, for the Cluster's default pool
 * here and for each InstanceGroup's resolved pool in awsInstanceGroupWarmPool.ts.
 */

export interface WarmPoolSizes {
  /** undefined: not set (kops then sizes the pool from the InstanceGroup). */
  maxSize?: number;
  minSize: number;
  /** A size is written in a form this reader cannot tell (a template expression): the pool is not judged. */
  unknown: boolean;
}

/** An integer key written as something intAt cannot read. */
function unknownInt(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const node = nodeAt(doc, path);
  return node !== undefined && !(isScalar(node) && node.value === null) && intAt(doc, path) === undefined;
}

export function warmPoolSizes(doc: YamlDocument, at: readonly PathSegment[]): WarmPoolSizes {
  return {
    maxSize: intAt(doc, [...at, 'maxSize']),
    minSize: intAt(doc, [...at, 'minSize']) ?? 0,
    unknown: unknownInt(doc, [...at, 'maxSize']) || unknownInt(doc, [...at, 'minSize']),
  };
}

/** validateWarmPool's size checks; `at` is the pool in the document, `kopsAt` kops' path of it. */
export function warmPoolSizeProblems(
  sizes: WarmPoolSizes,
  at: readonly PathSegment[],
  kopsAt: readonly PathSegment[],
  anchors: PathSegment[][] = [],
): Violation[] {
  if (sizes.unknown) return [];
  const out: Violation[] = [];
  const { maxSize, minSize } = sizes;
  const blame = (key: string, detail: string, message: string): void => {
    const where = { at: [...at, key], kopsPath: kopsPath(...kopsAt, key), anchors: [[...at], ...anchors] };
    out.push(cloudViolation({ ...where, type: 'Invalid', detail, message }));
  };
  if (maxSize !== undefined && maxSize < 0) {
    blame('maxSize', 'warm pool maxSize cannot be negative', `A warm pool maxSize of ${maxSize} is rejected by kops: use 0 or more.`);
  } else if (maxSize !== undefined && minSize > maxSize) {
    blame(
      'maxSize',
      'warm pool maxSize cannot be set to lower than minSize',
      `The warm pool maxSize ${maxSize} is below its minSize ${minSize}: raise maxSize or lower minSize.`,
    );
  }
  if (minSize < 0)
    blame('minSize', 'warm pool minSize cannot be negative', `A warm pool minSize of ${minSize} is rejected by kops: use 0 or more.`);
  return out;
}

/** Cluster-level additionalImages are refused where kops checks them (v1.33.2–v1.33.x, v1.34.2 and newer). */
const ADDITIONAL_IMAGES_CHECKED = [{ from: '1.33.2', until: '1.34' }, { from: '1.34.2' }];

function additionalImagesProblems(doc: YamlDocument, v: KopsVersion, sizes: WarmPoolSizes): Violation[] {
  const at = ['spec', 'warmPool', 'additionalImages'];
  const { maxSize, minSize } = sizes;
  if (!inAnyEra(v, ADDITIONAL_IMAGES_CHECKED) || maxSize === undefined || maxSize < 0 || minSize > maxSize || itemsAt(doc, at).length === 0)
    return [];
  return [
    cloudViolation({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.cloudProvider.aws.warmPool.additionalImages',
      detail: 'warm pool additional images can only be set in the instance group spec',
      message: `kops ${v.text} takes warm pool additionalImages only in an InstanceGroup's warmPool: move them there.`,
    }),
  ];
}

export function awsClusterWarmPoolRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const cloud = cloudProviderOf(doc);
  const at = ['spec', 'warmPool'];
  if (!structAt(doc, at) || cloud === undefined || !atLeast(v, '1.21')) return [];
  if (cloud !== 'aws') {
    if (!inEra(v, { from: '1.21', until: '1.26' })) return [];
    const message = `Warm pools exist only on AWS; kops ${v.text} rejects spec.warmPool on ${cloud}: remove it.`;
    return [cloudViolation({ at, type: 'Forbidden', kopsPath: 'spec.warmPool', detail: 'warm pool only supported on AWS', message })];
  }
  const sizes = warmPoolSizes(doc, at);
  const kopsAt = atLeast(v, '1.26') ? ['spec', 'cloudProvider', 'aws', 'warmPool'] : at;
  return [...warmPoolSizeProblems(sizes, at, kopsAt), ...(sizes.unknown ? [] : additionalImagesProblems(doc, v, sizes))];
}
