import type { YamlDocument } from '../../../document/documents';
import { itemsAt, stringPointerAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { cloudProviderOf, cloudViolation, unreadableList } from './cloudFacts';

/**
 * GCE's InstanceGroup settings, provisioning model and zones (gceValidateInstanceGroup, which kops runs when it has
 * the cloud). The generic checks that depend on the cloud (root volume types, volumes) are in instanceGroup/.
 */

function gceProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const out: Violation[] = [];
  const model = stringPointerAt(doc, ['spec', 'gcpProvisioningModel']);
  if (atLeast(v, '1.25') && model !== undefined && model !== 'STANDARD' && model !== 'SPOT') {
    out.push(
      cloudViolation({
        at: ['spec', 'gcpProvisioningModel'],
        type: 'NotSupported',
        kopsPath: 'spec.gcpProvisioningModel',
        detail: supportedValuesDetail(['STANDARD', 'SPOT']),
        message: `The GCE provisioning model is STANDARD or SPOT (upper case), not ${model === '' ? 'an empty value' : model}.`,
      }),
    );
  }
  if (atLeast(v, '1.35') && itemsAt(doc, ['spec', 'zones']).length === 0 && !unreadableList(doc, ['spec', 'zones'])) {
    out.push(
      cloudViolation({
        at: ['spec', 'zones'],
        type: 'Required',
        kopsPath: 'spec.zones',
        detail: 'zones should be specified',
        message: `On GCE kops ${v.text} needs the zones of each InstanceGroup: add spec.zones, e.g. the zones of its region.`,
      }),
    );
  }
  return out;
}

export function instanceGroupCloudRules(g: InstanceGroupContext): Violation[] {
  return g.cluster && cloudProviderOf(g.cluster) === 'gce' ? gceProblems(g.doc, g.v) : [];
}
