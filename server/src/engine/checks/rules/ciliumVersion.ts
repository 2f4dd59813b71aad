import { ciliumSupport, ciliumVersionPasses } from '../../kops/catalog/ciliumVersions';
import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath } from '../../kops/dialect';
import { eraText, inEra, type Era } from '../../kops/eras';
import { isIPv6Only } from './network';
import { compareSemver, parseKubernetesVersion, parseSemver, semverOrZero, type SemVer } from '../../kops/semver';
import type { Violation } from './violation';
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

/** Why a version-block rule can fail only on the defaulted spec. */
const VERSION_DEFAULTED = 'kops fills in its default Cilium version, which turns the version checks on';

function base(c: ClusterFacts, code: FindingCode, type: Violation['type'], detail: string, message: string): Violation {
  return { code, at: ciliumPath(c.dialect, 'version'), type, kopsPath: PATH, detail, message, whenDefaulted: VERSION_DEFAULTED };
}

function rangeMessage(v: KopsVersion, version: string): string {
  const s = ciliumSupport(v);
  if (s.check === 'v1.25-patch-bug') {
    return `kops ${v.text} means to accept only Cilium 1.11.5 and newer 1.11 releases; its check rejects \`${version}\` (it lets through any 1.11.x and any version whose patch is 5 or more): use \`${s.defaultVersion}\` or remove \`version\` to get kops' default.`;
  }
  const minors = (s.acceptedMinors ?? []).map((m) => `1.${m}`).join(', ');
  return `kops ${v.text} accepts only Cilium ${minors}: set \`version: ${s.defaultVersion}\` (kops' default) or remove \`version\`.`;
}

function gateViolations(c: ClusterFacts, v: KopsVersion, cv: SemVer): Violation[] {
  const gates = GATE_ERAS.find((e) => inEra(v, e))?.gates ?? [];
  const k8s = c.kubernetesVersion === undefined ? undefined : parseKubernetesVersion(c.kubernetesVersion);
  if (!k8s) return [];
  return gates
    .filter((g) => g.minor === cv.minor && g.fails(k8s))
    .map((g) =>
      base(
        c,
        'cilium-version-k8s-gate',
        'Forbidden',
        g.detail,
        `${g.detail.replace('Version', 'Cilium')} in kops ${v.text} (kubernetesVersion is ${c.kubernetesVersion}): change \`version\` or \`kubernetesVersion\`.`,
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
      message: `${eraText(HUBBLE_CERT_MANAGER)} need cert-manager for Hubble's TLS certificates: add \`spec.certManager.enabled: true\` or turn Hubble off.`,
      whenDefaulted: `${VERSION_DEFAULTED}, and a \`hubble\` block without \`enabled\` counts as enabled`,
    });
  }
  if (inEra(v, HUBBLE_VERSION) && cv.minor < 8) {
    out.push({
      code: 'cilium-hubble-version',
      at,
      type: 'Forbidden',
      kopsPath: inEra(v, HUBBLE_ROOT_PATH_BUG) ? 'spec.hubble.enabled' : HUBBLE_PATH,
      detail: 'Hubble requires Cilium 1.8 or newer',
      message: `Hubble needs Cilium 1.8 or newer in ${eraText(HUBBLE_VERSION)}: raise \`version\` or turn Hubble off.`,
      whenDefaulted: VERSION_DEFAULTED,
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
        'cilium-ipv6-version',
        'Invalid',
        'kOps only supports IPv6 on version 1.10 or later',
        `${eraText(IPV6_MINIMUM)} run IPv6-only clusters only with Cilium 1.10 or newer: raise \`version\`.`,
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
      message: `WireGuard needs Cilium 1.10 or newer in ${eraText(WIREGUARD_MINIMUM)}: raise \`version\` or use \`encryptionType: ipsec\`.`,
      whenDefaulted: VERSION_DEFAULTED,
    });
  }
  if (inEra(v, SERVICE_TOPOLOGY_MINIMUM) && cv.minor < 11 && cil.enableServiceTopology) {
    out.push({
      code: 'cilium-servicetopology-version',
      at: ciliumPath(c.dialect, 'enableServiceTopology'),
      type: 'Forbidden',
      kopsPath: 'spec.networking.cilium.enableServiceTopology',
      detail: 'Service topology requires Cilium 1.11',
      message: `Service topology needs Cilium 1.11 in ${eraText(SERVICE_TOPOLOGY_MINIMUM)}: set \`version\` to a 1.11 release or remove \`enableServiceTopology\`.`,
      whenDefaulted: VERSION_DEFAULTED,
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
          'cilium-version-prefix',
          'Invalid',
          "Cilium version must be prefixed with 'v'",
          `Write the Cilium version with a leading \`v\` (\`v${version}\`). kops v1.19 and newer reject it without one and skip all other Cilium checks until it is fixed.`,
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
        'cilium-version-semver',
        'Invalid',
        'Could not parse as semantic version',
        `\`${version}\` is not a full semantic version: write vMAJOR.MINOR.PATCH, e.g. \`${ciliumSupport(v).defaultVersion}\` (kops v1.19 and newer parse it strictly).`,
      ),
    );
  }
  if (!ciliumVersionPasses(v, cv)) {
    out.push(base(c, 'cilium-version-supported', 'Invalid', ciliumSupport(v).detail ?? '', rangeMessage(v, version)));
  }
  out.push(...gateViolations(c, v, cv), ...hubbleViolations(c, cil, v, cv), ...minimumViolations(c, cil, v, cv));
  return { violations: out, stopCiliumChecks: false };
}
