import { boolAt, itemsAt, stringPointerAt } from '../../../kops/goValues';
import { UPDATE_POLICIES } from '../../../kops/instanceGroupEnums';
import { atLeast } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { internalRole, shown } from './igFacts';

/**
 * Settings of the nodes themselves: updatePolicy (an enum from v1.20; an explicit empty string is not unset),
 * sysctlParameters (`name=value`, from v1.28) and gVisor, only on Node groups (from v1.36).
 */

const CODE = 'kops-instancegroup';

function updatePolicyViolations(g: InstanceGroupContext): Violation[] {
  const policy = stringPointerAt(g.doc, ['spec', 'updatePolicy']);
  if (!atLeast(g.v, '1.20') || policy === undefined || UPDATE_POLICIES.includes(policy)) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'updatePolicy'],
      type: 'NotSupported',
      kopsPath: 'spec.updatePolicy',
      detail: supportedValuesDetail(UPDATE_POLICIES),
      message: `kops ${g.v.text} accepts updatePolicy automatic or external${policy === '' ? ' (an empty string is not unset)' : ''}: change it or remove the key.`,
    },
  ];
}

function sysctlViolations(g: InstanceGroupContext): Violation[] {
  if (!atLeast(g.v, '1.28')) return [];
  return itemsAt(g.doc, ['spec', 'sysctlParameters']).flatMap((_, i): Violation[] =>
    stringPointerAt(g.doc, ['spec', 'sysctlParameters', i])?.includes('=') === false
      ? [
          {
            code: CODE,
            at: ['spec', 'sysctlParameters', i],
            type: 'Invalid',
            kopsPath: `spec.sysctlParameters[${i}]`,
            detail: 'must contain a "=" character',
            message: `kops ${g.v.text} needs each sysctl parameter written name=value, such as net.core.somaxconn=1024.`,
          },
        ]
      : [],
  );
}

function gVisorViolations(g: InstanceGroupContext): Violation[] {
  if (!atLeast(g.v, '1.36') || boolAt(g.doc, ['spec', 'containerd', 'gvisor', 'enabled']) !== true) return [];
  const role = internalRole(g.doc, g.v);
  if (role === 'Node' || role === undefined) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'containerd', 'gvisor'],
      type: 'Forbidden',
      kopsPath: 'spec.containerd.gvisor',
      detail: 'gVisor can only be enabled on instance groups with role Node',
      message: `kops ${g.v.text} runs gVisor on Node InstanceGroups only: remove containerd.gvisor from this ${shown(role) || 'role-less'} group.`,
    },
  ];
}

export function nodeSettingViolations(g: InstanceGroupContext): Violation[] {
  return [...updatePolicyViolations(g), ...sysctlViolations(g), ...gVisorViolations(g)];
}
