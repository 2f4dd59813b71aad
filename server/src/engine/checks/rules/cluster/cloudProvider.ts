import { isScalar } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { stringPointerAt } from '../../../kops/goValues';
import type { ClusterRule } from '../ruleContext';
import { supportedValuesDetail } from '../violation';
import { shortText } from '../shortText';
import { acceptedCloudProviders, refusedAtDecode } from './cloudProviders';

/**
 * A cluster needs a cloud provider. Until v1.23 validation also listed the accepted values (from v1.24 the
 * conversion refuses an unknown value first: see specGate.ts). A document without the key at all is a draft or a
 * fragment scoped to other settings: kops' Required is reported only for a key written empty.
 */
export const cloudProviderRules: ClusterRule = ({ doc, v }) => {
  const node = nodeAt(doc, ['spec', 'cloudProvider']);
  const written = stringPointerAt(doc, ['spec', 'cloudProvider']);
  if (node === undefined || (!(isScalar(node) && node.value === null) && written === undefined)) return [];
  const provider = written ?? '';
  const accepted = acceptedCloudProviders(v);
  if (provider === '') {
    return [
      {
        code: 'kops-cluster',
        at: ['spec', 'cloudProvider'],
        type: 'Required',
        kopsPath: 'spec.cloudProvider',
        detail: '',
        message: `kops ${v.text} needs a cloudProvider: use ${accepted.join(', ')}.`,
      },
    ];
  }
  if (refusedAtDecode(v) || accepted.includes(provider)) return [];
  return [
    {
      code: 'kops-cluster',
      at: ['spec', 'cloudProvider'],
      type: 'NotSupported',
      kopsPath: 'spec.cloudProvider',
      detail: supportedValuesDetail(accepted),
      message: `kops ${v.text} does not know cloudProvider ${shortText(provider, 20)}: use ${accepted.join(', ')}.`,
    },
  ];
};
