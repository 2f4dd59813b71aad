import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { apiServerRoleViolations } from './apiServerRole';
import { awsArnViolations } from './awsArns';
import { containerdViolations } from './containerd';
import { hooksAndFilesViolations } from './hooksAndFiles';
import { karpenterViolations } from './karpenter';
import { labelViolations } from './labels';
import { mixedInstancesV118Violations } from './mixedInstancesV118';
import { nodeSettingViolations } from './nodeSettings';
import { roleAndSizeViolations } from './roleAndSize';
import { rollingUpdateViolations } from './rollingUpdate';
import { rootVolumeTypeViolations, rootVolumeViolations } from './rootVolume';
import { subnetViolations } from './subnets';
import { taintViolations } from './taints';
import { volumeAndMountViolations, volumesOutsideAwsViolations } from './volumes';
import { warmPoolViolations } from './warmPool';

/**
 * kops' InstanceGroup validation, ported per release (v1.18 to v1.36): ValidateInstanceGroup, which reads the
 * group alone, and the rest of CrossValidateInstanceGroup and DeepValidate, which read its Cluster too. The
 * AWS- and GCE-specific checks that need kops' cloud clients (aws.go, gce.go) and the etcd membership of
 * control-plane groups are not here.
 */

/** Checks of the InstanceGroup alone (`kops create -f` runs them; `kops update cluster` too). */
export function instanceGroupRules(g: InstanceGroupContext): Violation[] {
  return [
    ...roleAndSizeViolations(g),
    ...rootVolumeViolations(g),
    ...hooksAndFilesViolations(g),
    ...volumeAndMountViolations(g),
    ...awsArnViolations(g),
    ...rollingUpdateViolations(g),
    ...labelViolations(g),
    ...nodeSettingViolations(g),
    ...taintViolations(g),
    ...mixedInstancesV118Violations(g),
  ];
}

/** Checks of the InstanceGroup against its Cluster (`kops update cluster`, `kops create/edit ig`). */
export function instanceGroupInClusterRules(g: InstanceGroupContext): Violation[] {
  return [
    ...apiServerRoleViolations(g),
    ...subnetViolations(g),
    ...rootVolumeTypeViolations(g),
    ...warmPoolViolations(g),
    ...karpenterViolations(g),
    ...containerdViolations(g),
    ...volumesOutsideAwsViolations(g),
  ];
}
