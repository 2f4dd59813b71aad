import { intOrStringAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import type { FindingCode } from '../../../findingCodes';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { controlPlaneRole, internalRole } from './igFacts';

/**
 * kops' validateRollingUpdate, for an InstanceGroup's rollingUpdate (the cluster's own rollingUpdate runs the
 * same checks with `onControlPlane` false). maxUnavailable is scaled against 1 instance rounding down, maxSurge
 * against 1000 rounding up, as kops does. Until v1.22 a string is a percentage with or without `%`; from v1.23
 * it must end in `%`.
 */

type Scaled = { value: number } | { error: string };

/** Go's strconv.Atoi: the error text when it fails. */
function atoi(text: string): { value: number } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(text)) return { error: `strconv.Atoi: parsing "${text}": invalid syntax` };
  const value = Number(text);
  return Math.abs(value) >= 2 ** 63 ? { error: `strconv.Atoi: parsing "${text}": value out of range` } : { value };
}

/** intstr.GetValueFromIntOrPercent (lenient, until v1.22) or GetScaledValueFromIntOrPercent (from v1.23). */
function scaled(raw: { int: number } | { str: string }, total: number, roundUp: boolean, v: KopsVersion): Scaled {
  if ('int' in raw) return { value: raw.int };
  const lenient = before(v, '1.23');
  if (!lenient && !raw.str.endsWith('%')) return { error: 'invalid value for IntOrString: invalid type: string is not a percentage' };
  const digits = lenient ? raw.str.replace(/%/g, '') : raw.str.slice(0, -1);
  const parsed = atoi(digits);
  if ('error' in parsed) return { error: `invalid value for IntOrString: invalid value "${raw.str}": ${parsed.error}` };
  const share = (parsed.value * total) / 100;
  return { value: roundUp ? Math.ceil(share) : Math.floor(share) };
}

export function rollingUpdateChecks(
  g: InstanceGroupContext,
  code: FindingCode,
  base: readonly PathSegment[],
  kopsBase: string,
  onControlPlane: boolean,
): Violation[] {
  const out: Violation[] = [];
  const problem = (key: string, type: 'Invalid' | 'Forbidden', detail: string, message: string): Violation => ({
    code,
    at: [...base, key],
    type,
    kopsPath: `${kopsBase}.${key}`,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  let unavailable = 1;
  const rawUnavailable = intOrStringAt(g.doc, [...base, 'maxUnavailable']);
  if (rawUnavailable) {
    const result = scaled(rawUnavailable, 1, false, g.v);
    unavailable = 'value' in result ? result.value : 0;
    if ('error' in result)
      out.push(
        problem(
          'maxUnavailable',
          'Invalid',
          `Unable to parse: ${result.error}`,
          'cannot read maxUnavailable: write a whole number or a percentage such as 10%.',
        ),
      );
    if (unavailable < 0)
      out.push(problem('maxUnavailable', 'Invalid', 'Cannot be negative', 'rejects a negative maxUnavailable: use 0 or more.'));
  }
  const rawSurge = intOrStringAt(g.doc, [...base, 'maxSurge']);
  if (!rawSurge) return out;
  const result = scaled(rawSurge, 1000, true, g.v);
  const surge = 'value' in result ? result.value : 0;
  if ('error' in result)
    out.push(
      problem(
        'maxSurge',
        'Invalid',
        `Unable to parse: ${result.error}`,
        'cannot read maxSurge: write a whole number or a percentage such as 10%.',
      ),
    );
  if (onControlPlane && surge !== 0) {
    const role = controlPlaneRole(g.v);
    out.push(
      problem(
        'maxSurge',
        'Forbidden',
        `Cannot surge instance groups with role "${role}"`,
        'never surges control-plane InstanceGroups: set maxSurge to 0 or remove it.',
      ),
    );
  } else if (surge < 0) {
    out.push(problem('maxSurge', 'Invalid', 'Cannot be negative', 'rejects a negative maxSurge: use 0 or more.'));
  }
  if (unavailable === 0 && surge === 0) {
    out.push(
      problem(
        'maxSurge',
        'Forbidden',
        'Cannot be zero if maxUnavailable is zero',
        'needs maxSurge or maxUnavailable above zero, or a rolling update could never replace a node.',
      ),
    );
  }
  return out;
}

export function rollingUpdateViolations(g: InstanceGroupContext): Violation[] {
  const onControlPlane = internalRole(g.doc, g.v) === controlPlaneRole(g.v);
  return rollingUpdateChecks(g, 'kops-instancegroup', ['spec', 'rollingUpdate'], 'spec.rollingUpdate', onControlPlane);
}
