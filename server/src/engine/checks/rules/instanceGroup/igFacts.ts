import type { YamlDocument } from '../../../document/documents';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { goStringAt, stringAt } from '../../../kops/goValues';
import { shortText } from '../shortText';

/**
 * What the InstanceGroup rules read the way kops' internal API has it. v1alpha2 `role: Master` is the internal
 * `ControlPlane` from kops v1.26 on; before, the internal role is `Master` and `ControlPlane` is no role at all.
 */

/** The role kops validates: `''` when unset, undefined when kops could not decode it. */
export function internalRole(doc: YamlDocument, v: KopsVersion): string | undefined {
  const role = goStringAt(doc, ['spec', 'role']);
  return role === 'Master' && atLeast(v, '1.26') ? 'ControlPlane' : role;
}

export { controlPlaneRole, instanceGroupRoles } from '../../../kops/instanceGroupRoles';

/** kops' word for a control-plane InstanceGroup in its messages: `master` before v1.26, `controlPlane` since. */
export const controlPlaneWord = (v: KopsVersion): string => (before(v, '1.26') ? 'master' : 'controlPlane');

/** `metadata.name`, which kops compares some values against. */
export const groupName = (doc: YamlDocument): string => stringAt(doc, ['metadata', 'name']) ?? '';

/** A value the user wrote, cut short enough to keep a message to one readable sentence. */
export const shown = (value: string): string => shortText(value);
