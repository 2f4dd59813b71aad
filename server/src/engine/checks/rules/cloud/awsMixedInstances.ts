import type { YamlDocument } from '../../../document/documents';
import { spotAllocationStrategies } from '../../../kops/instanceGroupEnums';
import { intAt, isSetAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { cloudProviderOf, cloudViolation, kopsPath } from './cloudFacts';

/**
 * An InstanceGroup's mixedInstancesPolicy (kops awsValidateMixedInstancesPolicy): the on-demand share and the spot
 * allocation strategy. Checking the instance types themselves needs the AWS API and is left out.
 */

const POLICY = ['spec', 'mixedInstancesPolicy'] as const;

function onDemandProblems(doc: YamlDocument): Violation[] {
  const out: Violation[] = [];
  const invalid = (key: string, detail: string, message: string): void => {
    out.push(cloudViolation({ at: [...POLICY, key], type: 'Invalid', kopsPath: kopsPath(...POLICY, key), detail, message }));
  };
  const base = intAt(doc, [...POLICY, 'onDemandBase']);
  if (base !== undefined && base < 0)
    invalid('onDemandBase', 'cannot be less than zero', `An onDemandBase of ${base} is rejected by kops: use 0 or more.`);
  const maxSize = intAt(doc, ['spec', 'maxSize']);
  const maxUnknown = maxSize === undefined && isSetAt(doc, ['spec', 'maxSize']);
  if (base !== undefined && !maxUnknown && base > (maxSize ?? 0)) {
    const max = maxSize === undefined ? 'unset (0)' : String(maxSize);
    invalid(
      'onDemandBase',
      'cannot be greater than max size',
      `The onDemandBase ${base} exceeds the InstanceGroup's maxSize ${max}: lower it or raise maxSize.`,
    );
  }
  const above = intAt(doc, [...POLICY, 'onDemandAboveBase']);
  if (above !== undefined && above < 0)
    invalid(
      'onDemandAboveBase',
      'cannot be less than 0',
      `An onDemandAboveBase of ${above} is rejected by kops: use a percentage from 0 to 100.`,
    );
  if (above !== undefined && above > 100)
    invalid(
      'onDemandAboveBase',
      'cannot be greater than 100',
      `An onDemandAboveBase of ${above} is rejected by kops: use a percentage from 0 to 100.`,
    );
  return out;
}

function strategyProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const at = [...POLICY, 'spotAllocationStrategy'];
  const strategy = stringPointerAt(doc, at);
  const values = spotAllocationStrategies(v);
  if (strategy === undefined || !values.length || values.includes(strategy)) return [];
  return [
    cloudViolation({
      at,
      type: 'NotSupported',
      kopsPath: kopsPath(...at),
      detail: supportedValuesDetail(values),
      message: `kops ${v.text} does not know the spot allocation strategy ${strategy === '' ? '(empty)' : strategy}: use one it lists.`,
    }),
  ];
}

export function mixedInstancesPolicyProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  if (!structAt(doc, [...POLICY])) return [];
  return [...onDemandProblems(doc), ...strategyProblems(doc, v)];
}

/** From v1.19 on AWS, when kops has the cloud (kops update cluster, create/edit ig). */
export function awsMixedInstancesPolicyRules(g: InstanceGroupContext): Violation[] {
  if (before(g.v, '1.19') || !g.cluster || cloudProviderOf(g.cluster) !== 'aws') return [];
  return mixedInstancesPolicyProblems(g.doc, g.v);
}
