import type { YamlDocument } from '../../../document/documents';
import { boolAt, goStringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import { compareSemver, parseKubernetesVersion, parseSemver, semverParseError, tolerantSemverError } from '../../../kops/semver';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { shown } from './igFacts';
import { cloudProvider, clusterOf } from './clusterView';

/**
 * An InstanceGroup's own containerd settings (kops' validateContainerdConfig outside the cluster spec, from
 * v1.24): a containerd version of at least 1.3.4, package URL and hash in pairs, Nvidia GPUs only on AWS and
 * OpenStack, and (from v1.29) NRI only with containerd 1.7.0 or newer. kops names the package fields packageUrl,
 * packageHash, packageUrlArm64 and packageHashArm64, and the nvidiaGPU block nvidia.
 */

const CODE = 'kops-instancegroup-cluster';
const BASE: readonly PathSegment[] = ['spec', 'containerd'];
const LEGACY = { major: 1, minor: 3, patch: 4 };
const NRI_FROM = { major: 1, minor: 7, patch: 0 };

function versionViolations(g: InstanceGroupContext): Violation[] {
  const version = stringPointerAt(g.doc, [...BASE, 'version']);
  if (version === undefined) return [];
  const parsed = parseKubernetesVersion(version);
  const invalid = (detail: string, message: string): Violation => ({
    code: CODE,
    at: [...BASE, 'version'],
    type: 'Invalid',
    kopsPath: 'spec.containerd.version',
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const out: Violation[] = [];
  const error = tolerantSemverError(version);
  if (error)
    out.push(
      invalid(`unable to parse version string: ${error}`, `cannot read the containerd version ${shown(version)}: write it as 1.7.20.`),
    );
  if (!parsed || compareSemver(parsed, LEGACY) < 0) {
    out.push(invalid('unsupported legacy version', `supports containerd 1.3.4 and newer: raise containerd.version ${shown(version)}.`));
  }
  return out;
}

function packageViolations(g: InstanceGroupContext): Violation[] {
  if (!structAt(g.doc, [...BASE, 'packages'])) return [];
  const out: Violation[] = [];
  for (const [url, hash, suffix] of [
    ['urlAmd64', 'hashAmd64', ''],
    ['urlArm64', 'hashArm64', 'Arm64'],
  ] as const) {
    const urlValue = stringPointerAt(g.doc, [...BASE, 'packages', url]);
    const hashValue = stringPointerAt(g.doc, [...BASE, 'packages', hash]);
    const problem = (key: string, kopsKey: string, detail: string, message: string): Violation => ({
      code: CODE,
      at: [...BASE, 'packages', key],
      type: 'Invalid',
      kopsPath: `spec.containerd.${kopsKey}${suffix}`,
      detail,
      message: `kops ${g.v.text} ${message}`,
    });
    if (urlValue !== undefined && hashValue !== undefined) {
      if (new TextEncoder().encode(hashValue).length > 64) {
        out.push(
          problem(
            hash,
            'packageHash',
            'Package hash must be 64 characters long',
            `needs containerd.packages.${hash} to be a SHA-256 hash of 64 hex characters.`,
          ),
        );
      }
    } else if (urlValue !== undefined) {
      out.push(problem(url, 'packageUrl', 'Package hash must also be set', `needs containerd.packages.${hash} beside ${url}.`));
    } else if (hashValue !== undefined) {
      out.push(problem(hash, 'packageHash', 'Package URL must also be set', `needs containerd.packages.${url} beside ${hash}.`));
    }
  }
  return out;
}

function nvidiaViolations(g: InstanceGroupContext, cluster: YamlDocument): Violation[] {
  if (boolAt(g.doc, [...BASE, 'nvidiaGPU', 'enabled']) !== true) return [];
  const out: Violation[] = [];
  const forbidden = (detail: string, message: string): Violation => ({
    code: CODE,
    at: [...BASE, 'nvidiaGPU'],
    type: 'Forbidden',
    kopsPath: 'spec.containerd.nvidia',
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const cloud = cloudProvider(cluster);
  if (cloud && cloud !== 'aws' && cloud !== 'openstack') {
    out.push(
      forbidden(
        'Nvidia is only supported on AWS and OpenStack',
        `installs Nvidia GPU support on AWS and OpenStack only, and this cluster runs on ${shown(cloud)}.`,
      ),
    );
  }
  const runtime = goStringAt(cluster, ['spec', 'containerRuntime']);
  if (before(g.v, '1.29') && runtime && runtime !== 'containerd') {
    out.push(
      forbidden(
        'Nvidia is only supported using containerd',
        `installs Nvidia GPU support with containerd only, and the cluster uses ${shown(runtime)}.`,
      ),
    );
  }
  return out;
}

/** NRI needs containerd 1.7.0; kops reads the version strictly here, and stops with no version at all. */
function nriViolations(g: InstanceGroupContext): Violation[] {
  const version = stringPointerAt(g.doc, [...BASE, 'version']);
  if (!atLeast(g.v, '1.29') || boolAt(g.doc, [...BASE, 'nri', 'enabled']) !== true || version === undefined) return [];
  const parsed = parseSemver(version);
  const prerelease = /^[^+]*-/.test(version);
  const out: Violation[] = [];
  if (!parsed) {
    out.push({
      code: CODE,
      at: [...BASE, 'version'],
      type: 'Invalid',
      kopsPath: 'spec.containerd.nri.version',
      detail: `unable to parse version string: ${semverParseError(version) ?? ''}`,
      message: `kops ${g.v.text} reads the containerd version strictly for NRI: write ${shown(version)} as MAJOR.MINOR.PATCH.`,
    });
  }
  const order = parsed ? compareSemver(parsed, NRI_FROM) : -1;
  if (order < 0 || (order === 0 && prerelease)) {
    out.push({
      code: CODE,
      at: [...BASE, 'nri'],
      type: 'Forbidden',
      kopsPath: 'spec.containerd.nri',
      detail: 'NRI is available starting from version 1.7.0 and above',
      message: `kops ${g.v.text} enables NRI with containerd 1.7.0 or newer only: raise containerd.version or disable nri.`,
    });
  }
  return out;
}

export function containerdViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  if (!cluster || !atLeast(g.v, '1.24') || !structAt(g.doc, BASE)) return [];
  return [...versionViolations(g), ...nriViolations(g), ...packageViolations(g), ...nvidiaViolations(g, cluster)];
}
