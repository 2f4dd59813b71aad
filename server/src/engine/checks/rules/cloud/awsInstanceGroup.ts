import type { YamlDocument } from '../../../document/documents';
import { parseGoDuration } from '../../../kops/goDuration';
import { intAt, stringPointerAt } from '../../../kops/goValues';
import { CPU_CREDITS, HTTP_TOKENS, interruptionBehaviors } from '../../../kops/instanceGroupEnums';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { additionalSecurityGroupProblems } from './awsSecurityGroups';
import { cloudProviderOf, cloudViolation, instanceGroupName, kopsPath } from './cloudFacts';

/**
 * kops' awsValidateInstanceGroup (aws.go) without the checks that ask the AWS API (machine types, images): what
 * kops runs on an AWS InstanceGroup when it has the cloud (kops update cluster, create/edit ig; v1.18: always).
 * A few of its paths start with the InstanceGroup's name, a kops quirk kept in the kops path.
 */

const SPOT_DURATIONS = ['60', '120', '180', '240', '300', '360'];
const MIN_LIFETIME_SECONDS = 86400;

/** NotSupported for a string pointer field outside `values`. */
function enumProblem(doc: YamlDocument, key: string, values: string[], kopsAt: string, what: string, v: KopsVersion): Violation[] {
  const value = stringPointerAt(doc, ['spec', key]);
  if (value === undefined || values.includes(value)) return [];
  const shown = value === '' ? 'an empty value' : value;
  return [
    cloudViolation({
      at: ['spec', key],
      type: 'NotSupported',
      kopsPath: kopsAt,
      detail: supportedValuesDetail(values),
      message: `kops ${v.text} accepts ${values.join(', ')} as ${what}, not ${shown}.`,
    }),
  ];
}

function spotDurationProblems(doc: YamlDocument, name: string): Violation[] {
  const minutes = intAt(doc, ['spec', 'spotDurationInMinutes']);
  if (minutes === undefined || SPOT_DURATIONS.includes(String(minutes))) return [];
  return [
    cloudViolation({
      at: ['spec', 'spotDurationInMinutes'],
      type: 'NotSupported',
      kopsPath: `${name}.spec.spotDurationInMinutes`,
      detail: supportedValuesDetail(SPOT_DURATIONS),
      message: `AWS spot blocks last a whole number of hours from 1 to 6: use 60, 120, 180, 240, 300 or 360 minutes, not ${minutes}.`,
    }),
  ];
}

function instanceMetadataProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  if (before(v, '1.19')) return [];
  const out: Violation[] = [];
  const tokens = stringPointerAt(doc, ['spec', 'instanceMetadata', 'httpTokens']);
  if (tokens !== undefined && !HTTP_TOKENS.includes(tokens)) {
    out.push(
      cloudViolation({
        at: ['spec', 'instanceMetadata', 'httpTokens'],
        type: 'NotSupported',
        kopsPath: 'spec.instanceMetadata.httpTokens',
        detail: supportedValuesDetail(HTTP_TOKENS),
        message: `The instance metadata httpTokens setting is optional or required (IMDSv2), not ${tokens === '' ? 'an empty value' : tokens}.`,
      }),
    );
  }
  const hops = intAt(doc, ['spec', 'instanceMetadata', 'httpPutResponseHopLimit']);
  if (hops !== undefined && (hops < 1 || hops > 64)) {
    out.push(
      cloudViolation({
        at: ['spec', 'instanceMetadata', 'httpPutResponseHopLimit'],
        type: 'Invalid',
        kopsPath: 'spec.instanceMetadata.httpPutResponseHopLimit',
        detail: 'HTTPPutResponseLimit must be a value between 1 and 64',
        message: `The instance metadata hop limit must be from 1 to 64, not ${hops}.`,
      }),
    );
  }
  return out;
}

function lifetimeProblems(doc: YamlDocument, v: KopsVersion, name: string): Violation[] {
  const text = stringPointerAt(doc, ['spec', 'maxInstanceLifetime']);
  const nanos = atLeast(v, '1.24') && text !== undefined ? parseGoDuration(text) : undefined;
  const seconds = nanos === undefined ? undefined : nanos / 1e9;
  if (seconds === undefined || Math.trunc(seconds) === 0 || Math.trunc(seconds) >= MIN_LIFETIME_SECONDS) return [];
  return [
    cloudViolation({
      at: ['spec', 'maxInstanceLifetime'],
      type: 'Invalid',
      kopsPath: `${name}.spec.maxInstanceLifetime`,
      detail: `max instance lifetime must be greater than ${MIN_LIFETIME_SECONDS} or equal to 0`,
      message: `AWS needs a maxInstanceLifetime of at least 24h (or 0 for none), not ${text ?? ''}.`,
    }),
  ];
}

export function awsInstanceGroupRules(g: InstanceGroupContext): Violation[] {
  const { doc, v, cluster } = g;
  if (!cluster || cloudProviderOf(cluster) !== 'aws') return [];
  const name = instanceGroupName(doc);
  return [
    ...additionalSecurityGroupProblems(doc, ['spec', 'additionalSecurityGroups'], ['spec', 'additionalSecurityGroups']),
    ...spotDurationProblems(doc, name),
    ...enumProblem(
      doc,
      'instanceInterruptionBehavior',
      interruptionBehaviors(v),
      `${name}.spec.instanceInterruptionBehavior`,
      'the spot instanceInterruptionBehavior',
      v,
    ),
    ...instanceMetadataProblems(doc, v),
    ...(atLeast(v, '1.20') ? enumProblem(doc, 'cpuCredits', CPU_CREDITS, kopsPath('spec', 'cpuCredits'), 'cpuCredits', v) : []),
    ...lifetimeProblems(doc, v, name),
  ];
}
