import { isMap } from 'yaml';
import { isSetAt, itemsAt, stringPointerAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';

/**
 * The AWS names and ARNs an InstanceGroup refers to, checked on every cloud by ValidateInstanceGroup: the IAM
 * instance profile, and (from v1.19) the external load balancers and target groups it joins.
 */

const CODE = 'kops-instancegroup';

/** aws-sdk-go's arn.Parse: the resource part, or the error kops prints. */
function parseArn(arn: string): { resource: string } | { error: string } {
  if (!arn.startsWith('arn:')) return { error: 'arn: invalid prefix' };
  const sections = arn.split(':');
  return sections.length < 6 ? { error: 'arn: not enough sections' } : { resource: sections.slice(5).join(':') };
}

/** Go's len(): bytes of the UTF-8 text. */
const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function profileViolations(g: InstanceGroupContext): Violation[] {
  const profile = stringPointerAt(g.doc, ['spec', 'iam', 'profile']);
  if (profile === undefined) return [];
  const parsed = parseArn(profile);
  const prefix = before(g.v, '1.19') ? 'instance-profile' : 'instance-profile/';
  if ('resource' in parsed && parsed.resource.startsWith(prefix)) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'iam', 'profile'],
      type: 'Invalid',
      kopsPath: 'spec.iam.profile',
      detail:
        'Instance Group IAM Instance Profile must be a valid aws arn such as arn:aws:iam::123456789012:instance-profile/KopsExampleRole',
      message: `kops ${g.v.text} needs an instance profile ARN here, such as arn:aws:iam::123456789012:instance-profile/NAME.`,
    },
  ];
}

function targetGroupViolations(g: InstanceGroupContext, item: PathSegment[], kopsItem: string): Violation[] {
  const arn = stringPointerAt(g.doc, [...item, 'targetGroupArn']);
  if (arn === undefined) return [];
  const kopsPath = `${kopsItem}.${atLeast(g.v, '1.26') ? 'targetGroupARN' : 'targetGroupArn'}`;
  const invalid = (detail: string, message: string): Violation => ({
    code: CODE,
    at: [...item, 'targetGroupArn'],
    type: 'Invalid',
    kopsPath,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const parsed = parseArn(arn);
  if ('error' in parsed) {
    return [
      invalid(
        `Target Group ARN must be a valid AWS ARN: ${parsed.error}`,
        'needs a target group ARN such as arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID.',
      ),
    ];
  }
  const resource = parsed.resource.split('/');
  if (resource.length !== 3) {
    return [
      invalid(
        'Target Group ARN resource must be a valid AWS ARN resource such as "targetgroup/tg-name/1234567890123456"',
        'needs the target group ARN to end in targetgroup/NAME/ID.',
      ),
    ];
  }
  const out: Violation[] = [];
  if (resource[0] !== 'targetgroup') {
    out.push(invalid('Target Group ARN resource type must be "targetgroup"', `needs a targetgroup ARN here, not a ${resource[0]} one.`));
  }
  if (byteLength(resource[1]) > 32) {
    out.push(
      invalid('Target Group ARN resource name must have at most 32 characters', 'accepts target group names of at most 32 characters.'),
    );
  }
  return out;
}

function loadBalancerViolations(g: InstanceGroupContext, i: number): Violation[] {
  const item: PathSegment[] = ['spec', 'externalLoadBalancers', i];
  const kopsItem = `spec.externalLoadBalancers[${i}]`;
  const out: Violation[] = [];
  if (isSetAt(g.doc, [...item, 'loadBalancerName']) && isSetAt(g.doc, [...item, 'targetGroupArn'])) {
    out.push({
      code: CODE,
      at: item,
      type: 'TooMany',
      kopsPath: kopsItem,
      detail: atLeast(g.v, '1.34') ? 'must have at most 1 item' : 'must have at most 1 items',
      message: `kops ${g.v.text} takes either loadBalancerName or targetGroupArn in one externalLoadBalancers entry: split them into two entries.`,
    });
  }
  const name = stringPointerAt(g.doc, [...item, 'loadBalancerName']);
  if (name !== undefined && byteLength(name) > 32) {
    out.push({
      code: CODE,
      at: [...item, 'loadBalancerName'],
      type: 'Invalid',
      kopsPath: `${kopsItem}.loadBalancerName`,
      detail: 'Load Balancer name must have at most 32 characters',
      message: `kops ${g.v.text} accepts load balancer names of at most 32 characters, as AWS does.`,
    });
  }
  return [...out, ...targetGroupViolations(g, item, kopsItem)];
}

export function awsArnViolations(g: InstanceGroupContext): Violation[] {
  const loadBalancers = atLeast(g.v, '1.19')
    ? itemsAt(g.doc, ['spec', 'externalLoadBalancers']).flatMap((item, i) => (isMap(item) ? loadBalancerViolations(g, i) : []))
    : [];
  return [...profileViolations(g), ...loadBalancers];
}
