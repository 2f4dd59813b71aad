import type { KopsApiVersion } from '../document/documents';
import { before, type KopsVersion } from './releases';

/**
 * The InstanceGroup roles kops accepts. Its internal API names the control-plane role `ControlPlane` from kops
 * v1.26 on (`Master` before); v1alpha2 keeps writing `Master` and converts it.
 */

/** The internal name of the control-plane role in this release. */
export const controlPlaneRole = (v: KopsVersion): string => (before(v, '1.26') ? 'Master' : 'ControlPlane');

/** The roles kops validates, internal names, in the order it lists them. */
export function instanceGroupRoles(v: KopsVersion): string[] {
  if (before(v, '1.21')) return ['Node', 'Master', 'Bastion'];
  return [controlPlaneRole(v), 'APIServer', 'Node', 'Bastion'];
}

/** The roles as kops writes them in a document of `api`: v1alpha2 spells the control plane `Master`. */
export function writtenInstanceGroupRoles(v: KopsVersion, api: KopsApiVersion): string[] {
  const roles = instanceGroupRoles(v);
  return api === 'v1alpha2' ? roles.map((role) => (role === 'ControlPlane' ? 'Master' : role)) : roles;
}
