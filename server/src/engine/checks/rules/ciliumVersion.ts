import { ciliumSupport, ciliumVersionPasses } from '../../kops/catalog/ciliumVersions';
import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath } from '../../kops/dialect';
import { inEra, type Era } from '../../kops/eras';
import { isIPv6Only } from './network';
import { compareSemver, parseKubernetesVersion, parseSemver, semverOrZero, type SemVer } from '../../kops/semver';
import { filledInClause, type Violation } from './violation';
import type { FindingCode } from '../../findingCodes';

/**
 * The version block of kops' validateNetworkingCilium (v1.19+): prefix, semver and range checks, plus the
 * checks that only run while `version` is set (Kubernetes gates, Hubble, IPv6/WireGuard/topology minimums).
 * A version without the `v` prefix makes kops return at once, skipping every other Cilium check.
 */

const VERSION_CHECKED: Era = { from: '1.19' };
const PATH = 'spec.networking.cilium.version';
const HUBBLE_PATH = 'spec.networking.cilium.hubble.enabled';

interface Gate {
  minor: number;
  fails: (k8s: SemVer) => boolean;
  detail: string;
}
const k = (minor: number, patch = 0): SemVer => ({ major: 1, minor, patch });
const gte = (a: SemVer, b: SemVer): boolean => compareSemver(a, b) >= 0;

const GATE_ERAS: Array<Era & { gates: Gate[] }> = [
  {
    from: '1.19',
    until: '1.20',
    gates: [
      { minor: 6, fails: (x) => !gte(x, k(11)) || gte(x, k(16)), detail: 'Version 1.6 requires kubernetesVersion between 1.11 and 1.16' },
      { minor: 7, fails: (x) => !gte(x, k(12)) || gte(x, k(17)), detail: 'Version 1.7 requires kubernetesVersion between 1.12 and 1.17' },
      { minor: 8, fails: (x) => !gte(x, k(12)), detail: 'Version 1.8 requires kubernetesVersion 1.12 or newer' },
    ],
  },
  {
    from: '1.20',
    until: '1.21',
    gates: [
      { minor: 6, fails: (x) => gte(x, k(16)), detail: 'Version 1.6 requires kubernetesVersion before 1.16' },
      { minor: 7, fails: (x) => gte(x, k(17)), detail: 'Version 1.7 requires kubernetesVersion before 1.17' },
    ],
  },
  {
    from: '1.21',
    until: '1.22',
    gates: [
      { minor: 6, fails: (x) => gte(x, k(16)), detail: 'Version 1.6 requires kubernetesVersion before 1.16' },
      { minor: 7, fails: (x) => gte(x, k(17)), detail: 'Version 1.7 requires kubernetesVersion before 1.17' },
      { minor: 10, fails: (x) => !gte(x, k(16)), detail: 'Version 1.10 requires kubernetesVersion 1.16 or newer' },
    ],
  },
];

const HUBBLE_VERSION: Era = { from: '1.19', until: '1.22' };
/** v1.19.0–v1.20.0 built this path from the root, printing `spec.hubble.enabled`. */
const HUBBLE_ROOT_PATH_BUG: Era = { from: '1.19', until: '1.20.1' };
const HUBBLE_CERT_MANAGER: Era = { from: '1.20.1' };
const IPV6_MINIMUM: Era = { from: '1.22', until: '1.25' };
const WIREGUARD_MINIMUM: Era = { from: '1.22', until: '1.25' };
const SERVICE_TOPOLOGY_MINIMUM: Era = { from: '1.23', until: '1.25' };

export type VersionOutcome = { violations: Violation[]; stopCiliumChecks: boolean };

/** Why a version-block rule can fail only on the defaulted spec: kops' default version turns these checks on. */
const versionDefaulted = (cil: CiliumFacts): string | undefined => filledInClause(cil, ['version']);

function base(c: ClusterFacts, cil: CiliumFacts, code: FindingCode, type: Violation['type'], detail: string, message: string): Violation {
  return { code, at: ciliumPath(c.dialect, 'version'), type, kopsPath: PATH, detail, message, whenDefaulted: versionDefaulted(cil) };
}

function rangeMessage(v: KopsVersion, version: string): string {
  const s = ciliumSupport(v);
  if (s.check === 'v1.25-patch-bug') {
    return `kops ${v.text} rejects Cilium ${version} (it takes only 1.11.x or a patch of 5 or more): set version: ${s.defaultVersion} or remove version for kops' default.`;
  }
  const minors = (s.acceptedMinors ?? []).map((m) => `1.${m}`).join(', ');
  return `kops ${v.text} accepts only Cilium ${minors}: set version: ${s.defaultVersion} (kops' default) or remove version.`;
}

function gateViolations(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion, cv: SemVer): Violation[] {
  const gates = GATE_ERAS.find((e) => inEra(v, e))?.gates ?? [];
  const k8s = c.kubernetesVersion === undefined ? undefined : parseKubernetesVersion(c.kubernetesVersion);
  if (!k8s) return [];
  return gates
    .filter((g) => g.minor === cv.minor && g.fails(k8s))
    .map((g) =>
      base(
        c,
        cil,
        'cilium-version-k8s-gate',
        'Forbidden',
        g.detail,
        `${g.detail.replace('Version', 'Cilium')} in kops ${v.text}, not ${c.kubernetesVersion}: change version or kubernetesVersion.`,
      ),
    );
}

function hubbleViolations(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion, cv: SemVer): Violation[] {
  if (cil.hubble?.enabled !== true) return [];
  const at = ciliumPath(c.dialect, 'hubble', 'enabled');
  const out: Violation[] = [];
  if (inEra(v, HUBBLE_CERT_MANAGER) && !c.certManagerEnabled) {
    out.push({
      code: 'cilium-hubble-certmanager',
      at,
      type: 'Forbidden',
      kopsPath: HUBBLE_PATH,
      detail: 'Hubble requires that cert manager is enabled',
      message: `kops ${v.text} runs Hubble only with cert-manager: set certManager.enabled: true or turn Hubble off.`,
      whenDefaulted: filledInClause(cil, ['version', 'hubble.enabled']),
    });
  }
  if (inEra(v, HUBBLE_VERSION) && cv.minor < 8) {
    out.push({
      code: 'cilium-hubble-version',
      at,
      type: 'Forbidden',
      kopsPath: inEra(v, HUBBLE_ROOT_PATH_BUG) ? 'spec.hubble.enabled' : HUBBLE_PATH,
      detail: 'Hubble requires Cilium 1.8 or newer',
      message: `kops ${v.text} runs Hubble only with Cilium 1.8 or newer: raise version or turn Hubble off.`,
      whenDefaulted: filledInClause(cil, ['version', 'hubble.enabled']),
    });
  }
  return out;
}

function minimumViolations(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion, cv: SemVer): Violation[] {
  const out: Violation[] = [];
  if (inEra(v, IPV6_MINIMUM) && cv.minor < 10 && isIPv6Only(c)) {
    out.push(
      base(
        c,
        cil,
        'cilium-ipv6-version',
        'Invalid',
        'kOps only supports IPv6 on version 1.10 or later',
        `kops ${v.text} runs IPv6-only clusters only with Cilium 1.10 or newer: raise version.`,
      ),
    );
  }
  if (inEra(v, WIREGUARD_MINIMUM) && cv.minor < 10 && cil.encryptionType === 'wireguard') {
    out.push({
      code: 'cilium-wireguard-version',
      at: ciliumPath(c.dialect, 'encryptionType'),
      type: 'Forbidden',
      kopsPath: 'spec.networking.cilium.encryptionType',
      detail: 'Cilium EncryptionType=WireGuard is not available for Cilium version < 1.10.0.',
      message: `kops ${v.text} runs WireGuard only with Cilium 1.10 or newer: raise version or use encryptionType: ipsec.`,
      whenDefaulted: versionDefaulted(cil),
    });
  }
  if (inEra(v, SERVICE_TOPOLOGY_MINIMUM) && cv.minor < 11 && cil.enableServiceTopology) {
    out.push({
      code: 'cilium-servicetopology-version',
      at: ciliumPath(c.dialect, 'enableServiceTopology'),
      type: 'Forbidden',
      kopsPath: 'spec.networking.cilium.enableServiceTopology',
      detail: 'Service topology requires Cilium 1.11',
      message: `kops ${v.text} runs service topology only with Cilium 1.11: set a 1.11 version or remove enableServiceTopology.`,
      whenDefaulted: versionDefaulted(cil),
    });
  }
  return out;
}

export function versionRules(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): VersionOutcome {
  const version = cil.version;
  if (version === undefined || !inEra(v, VERSION_CHECKED)) return { violations: [], stopCiliumChecks: false };
  if (!version.startsWith('v')) {
    return {
      stopCiliumChecks: true,
      violations: [
        base(
          c,
          cil,
          'cilium-version-prefix',
          'Invalid',
          "Cilium version must be prefixed with 'v'",
          `kops ${v.text} rejects a Cilium version without a leading v and skips its other Cilium checks: write v${version}.`,
        ),
      ],
    };
  }
  const parsed = parseSemver(version.slice(1));
  const cv = semverOrZero(version.slice(1));
  const out: Violation[] = [];
  if (!parsed) {
    out.push(
      base(
        c,
        cil,
        'cilium-version-semver',
        'Invalid',
        'Could not parse as semantic version',
        `kops ${v.text} rejects Cilium version ${version}, which is not a full semantic version: write vMAJOR.MINOR.PATCH, e.g. ${ciliumSupport(v).defaultVersion}.`,
      ),
    );
  }
  if (!ciliumVersionPasses(v, cv)) {
    out.push(base(c, cil, 'cilium-version-supported', 'Invalid', ciliumSupport(v).detail ?? '', rangeMessage(v, version)));
  }
  out.push(...gateViolations(c, cil, v, cv), ...hubbleViolations(c, cil, v, cv), ...minimumViolations(c, cil, v, cv));
  return { violations: out, stopCiliumChecks: false };
}
