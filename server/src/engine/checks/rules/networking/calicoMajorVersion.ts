import { inEra } from '../../../kops/eras';
import { stringAt } from '../../../kops/goValues';
import { parseSemver } from '../../../kops/semver';
import type { Violation } from '../violation';
import { providerPath, rejection, shown, unsupportedValue, type NetworkingScope } from './scope';

/**
 * Calico majorVersion (kops v1.18 and v1.19): only `v3`, and then the first etcd cluster, when its version is
 * pinned, must run etcd 3. An unparsable etcd version also gets kops' InternalError, which is not reported here.
 */
export function calicoMajorVersionRules(s: NetworkingScope): Violation[] {
  const at = providerPath('calico', 'majorVersion');
  const major = stringAt(s.doc, at);
  if (major === undefined || !inEra(s.v, { from: '1.18', until: '1.20' })) return [];
  if (major !== 'v3') return unsupportedValue(s, 'calico', 'majorVersion', ['v3']);
  const etcdVersion = stringAt(s.doc, ['spec', 'etcdClusters', 0, 'version']);
  if (etcdVersion === undefined || parseSemver(etcdVersion.replace(/^v/, ''))?.major === 3) return [];
  const name = stringAt(s.doc, ['spec', 'etcdClusters', 0, 'name']) ?? '';
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.networking.calico.majorVersion',
      detail: `unable to use v3 when etcd version for ${name} cluster is ${etcdVersion}`,
      message: `Calico v3 needs etcd 3, but the first etcd cluster pins version ${shown(etcdVersion)}: use an etcd 3.x version.`,
    }),
  ];
}
