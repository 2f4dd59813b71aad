import { isScalar, isSeq } from 'yaml';
import { TENANCIES } from '../../../kops/instanceGroupEnums';
import { nodeAt } from '../../../document/yamlNav';
import { YamlEditor } from '../../../document/yamlEdit';
import { goStringAt, intAt, isSetAt, stringPointerAt } from '../../../kops/goValues';
import { atLeast } from '../../../kops/releases';
import type { Fix, PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { controlPlaneRole, controlPlaneWord, instanceGroupRoles, internalRole, shown } from './igFacts';

/**
 * ValidateInstanceGroup's checks of who the group is and how big it may be: metadata.name, the role, a
 * control-plane group's subnets and size (one instance per group from v1.25.4), tenancy, and maxSize >= minSize.
 */

const CODE = 'kops-instancegroup';
const MIN: readonly PathSegment[] = ['spec', 'minSize'];
const MAX: readonly PathSegment[] = ['spec', 'maxSize'];

function setTo(g: InstanceGroupContext, path: readonly PathSegment[], value: string, title: string): Fix[] {
  const edits = new YamlEditor(g.file, g.doc).set(path, value);
  return edits.length ? [{ title, edits }] : [];
}

function sourceText(g: InstanceGroupContext, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(g.doc, path);
  return isScalar(node) && node.range ? g.doc.text.slice(node.range[0], node.range[1]) : undefined;
}

function roleViolations(g: InstanceGroupContext): Violation[] {
  const role = internalRole(g.doc, g.v);
  const roles = instanceGroupRoles(g.v);
  if (role === '') {
    return [
      {
        code: CODE,
        at: ['spec', 'role'],
        type: 'Required',
        kopsPath: 'spec.role',
        detail: 'Role must be set',
        message: `kops ${g.v.text} needs a role for every InstanceGroup: set spec.role to one of ${roles.join(', ')}.`,
      },
    ];
  }
  if (role === undefined || roles.includes(role)) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'role'],
      type: 'NotSupported',
      kopsPath: 'spec.role',
      detail: supportedValuesDetail(roles),
      message: `kops ${g.v.text} does not know the InstanceGroup role ${shown(role)}: use one of ${roles.join(', ')}.`,
    },
  ];
}

function controlPlaneViolations(g: InstanceGroupContext): Violation[] {
  if (internalRole(g.doc, g.v) !== controlPlaneRole(g.v)) return [];
  const word = controlPlaneWord(g.v);
  const out: Violation[] = [];
  if (hasNoSubnets(g)) {
    out.push({
      code: CODE,
      at: ['spec', 'subnets'],
      anchors: [['spec', 'role']],
      type: 'Required',
      kopsPath: 'spec.subnets',
      detail: `${word} InstanceGroup must specify at least one Subnet`,
      message: `kops ${g.v.text} needs at least one subnet for a control-plane InstanceGroup: list the cluster subnet it runs in under spec.subnets.`,
    });
  }
  if (!atLeast(g.v, '1.25.4')) return out;
  for (const [path, key, extra] of [
    [MIN, 'minSize', ''],
    [MAX, 'maxSize', ', add more InstanceGroups instead'],
  ] as const) {
    const size = intAt(g.doc, path);
    if (size === undefined || size <= 1) continue;
    out.push({
      code: CODE,
      at: path,
      type: 'Invalid',
      kopsPath: `spec.${key}`,
      detail: `${word} InstanceGroup must have ${key} set to 1${extra}`,
      message: `kops ${g.v.text} runs one instance per control-plane InstanceGroup: set ${key} to 1 and add an InstanceGroup per extra control-plane node.`,
      fixes: setTo(g, path, '1', `Set ${key} to 1`),
    });
  }
  return out;
}

/** No subnets as Go sees it: unset, null or `[]` (anything else that is not a list does not decode at all). */
function hasNoSubnets(g: InstanceGroupContext): boolean {
  const node = nodeAt(g.doc, ['spec', 'subnets']);
  return !isSetAt(g.doc, ['spec', 'subnets']) || (isSeq(node) && node.items.length === 0);
}

function tenancyViolations(g: InstanceGroupContext): Violation[] {
  const tenancy = stringPointerAt(g.doc, ['spec', 'tenancy']);
  if (!tenancy || TENANCIES.includes(tenancy)) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'tenancy'],
      type: 'NotSupported',
      kopsPath: 'spec.tenancy',
      detail: supportedValuesDetail(TENANCIES),
      message: `kops ${g.v.text} accepts the EC2 tenancies ${TENANCIES.join(', ')}: change tenancy ${shown(tenancy)}.`,
    },
  ];
}

function sizeOrderViolations(g: InstanceGroupContext): Violation[] {
  const min = intAt(g.doc, MIN);
  const max = intAt(g.doc, MAX);
  if (min === undefined || max === undefined || max >= min) return [];
  const minText = sourceText(g, MIN);
  const maxText = sourceText(g, MAX);
  const editor = new YamlEditor(g.file, g.doc);
  const swap = minText && maxText ? [...editor.set(MIN, maxText), ...editor.set(MAX, minText)] : [];
  return [
    {
      code: CODE,
      at: MAX,
      type: 'Forbidden',
      kopsPath: 'spec.maxSize',
      detail: 'maxSize must be greater than or equal to minSize.',
      message: `kops ${g.v.text} rejects maxSize ${max} below minSize ${min}: swap them or raise maxSize.`,
      ...(swap.length === 2 ? { fixes: [{ title: `Swap them: minSize ${max}, maxSize ${min}`, edits: swap, preferred: true }] } : {}),
    },
  ];
}

export function roleAndSizeViolations(g: InstanceGroupContext): Violation[] {
  const unnamed: Violation[] =
    goStringAt(g.doc, ['metadata', 'name']) !== ''
      ? []
      : [
          {
            code: CODE,
            at: ['metadata', 'name'],
            type: 'Required',
            kopsPath: 'objectMeta.name',
            detail: '',
            message: `kops ${g.v.text} needs a name for every InstanceGroup: set metadata.name.`,
          },
        ];
  return [...unnamed, ...roleViolations(g), ...controlPlaneViolations(g), ...tenancyViolations(g), ...sizeOrderViolations(g)];
}
