import type { KopsVersion } from '../../kops/releases';
import type { ClusterFacts } from './clusterFacts';
import { eniRules } from './ciliumEni';
import { enumRules } from './ciliumEnums';
import { featureRules } from './ciliumFeatures';
import { versionRules } from './ciliumVersion';
import type { Violation } from './violation';

/** kops' validateNetworkingCilium: runs only with a `cilium` block, and stops early on an unprefixed version. */
export function ciliumRules(c: ClusterFacts, v: KopsVersion): Violation[] {
  const cil = c.cilium;
  if (!cil) return [];
  const version = versionRules(c, cil, v);
  if (version.stopCiliumChecks) return version.violations;
  return [...version.violations, ...enumRules(c, cil, v), ...eniRules(c, cil, v), ...featureRules(c, cil, v)];
}
