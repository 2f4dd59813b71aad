import { intAt, isSetAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { spotAllocationStrategies } from '../../../kops/instanceGroupEnums';
import { before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';

/**
 * kops v1.18 checked the mixed instances policy on every cloud (v1.19 moved it to the AWS checks that need the
 * AWS API). The instance types it looked up in its built-in machine list are not checked here.
 */

const CODE = 'kops-instancegroup';
const BASE: readonly PathSegment[] = ['spec', 'mixedInstancesPolicy'];

export function mixedInstancesV118Violations(g: InstanceGroupContext): Violation[] {
  if (!before(g.v, '1.19') || !structAt(g.doc, BASE)) return [];
  const out: Violation[] = [];
  const invalid = (key: string, detail: string, message: string): Violation => ({
    code: CODE,
    at: [...BASE, key],
    type: 'Invalid',
    kopsPath: `spec.mixedInstancesPolicy.${key}`,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const base = intAt(g.doc, [...BASE, 'onDemandBase'], 64);
  const maxSize = isSetAt(g.doc, ['spec', 'maxSize']) ? intAt(g.doc, ['spec', 'maxSize']) : 0;
  if (base !== undefined && base < 0) out.push(invalid('onDemandBase', 'cannot be less than zero', 'rejects a negative onDemandBase.'));
  if (base !== undefined && maxSize !== undefined && base > maxSize) {
    out.push(
      invalid('onDemandBase', 'cannot be greater than max size', `rejects onDemandBase ${base} above the group's maxSize ${maxSize}.`),
    );
  }
  const aboveBase = intAt(g.doc, [...BASE, 'onDemandAboveBase'], 64);
  if (aboveBase !== undefined && aboveBase < 0)
    out.push(invalid('onDemandAboveBase', 'cannot be less than 0', 'needs onDemandAboveBase between 0 and 100 (a percentage).'));
  if (aboveBase !== undefined && aboveBase > 100) {
    out.push(invalid('onDemandAboveBase', 'cannot be greater than 100', 'needs onDemandAboveBase between 0 and 100 (a percentage).'));
  }
  const strategy = stringPointerAt(g.doc, [...BASE, 'spotAllocationStrategy']);
  const strategies = spotAllocationStrategies(g.v);
  if (strategy !== undefined && !strategies.includes(strategy)) {
    out.push({
      code: CODE,
      at: [...BASE, 'spotAllocationStrategy'],
      type: 'NotSupported',
      kopsPath: 'spec.mixedInstancesPolicy.spotAllocationStrategy',
      detail: supportedValuesDetail(strategies),
      message: `kops ${g.v.text} accepts the spot allocation strategies ${strategies.join(', ')}.`,
    });
  }
  return out;
}
