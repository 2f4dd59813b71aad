import { parseGoUrl } from '../../../kops/goUrl';
import { stringPointerAt, structAt } from '../../../kops/goValues';
import { compareSemver, parseKubernetesVersion, parseSemver, type SemVer } from '../../../kops/semver';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { rejection, type ComponentContext, shown } from './componentContext';

/** What containerd and Docker share in kops' validation: package URL and hash pairs, and version comparisons. */

/** A version as blang's ParseTolerant reads it, keeping whether it is a pre-release (which sorts below the release). */
export interface LooseVersion {
  v: SemVer;
  pre: boolean;
}

const hasPrerelease = (text: string): boolean => /-/.test(text.split('+')[0].split('.').slice(2).join('.'));

export function tolerantVersion(text: string): LooseVersion | undefined {
  const v = parseKubernetesVersion(text);
  return v && { v, pre: hasPrerelease(text.trim().replace(/^v/, '')) };
}

/** blang's strict Parse. */
export function strictVersion(text: string): LooseVersion | undefined {
  const v = parseSemver(text);
  return v && { v, pre: hasPrerelease(text) };
}

/** `version < release` as blang compares (a failed parse is 0.0.0). */
export function below(version: LooseVersion | undefined, release: string): boolean {
  const base = parseSemver(release)!;
  if (!version) return true;
  const order = compareSemver(version.v, base);
  return order < 0 || (order === 0 && version.pre);
}

interface Arch {
  url: string;
  hash: string;
  urlPath: string;
  hashPath: string;
}

const ARCHES: readonly Arch[] = [
  { url: 'urlAmd64', hash: 'hashAmd64', urlPath: 'packageUrl', hashPath: 'packageHash' },
  { url: 'urlArm64', hash: 'hashArm64', urlPath: 'packageUrlArm64', hashPath: 'packageHashArm64' },
];

/**
 * A package URL needs its hash and the other way round; the URL must parse and the hash be at most 64
 * characters. kops blames `packageUrl`/`packageHash` (with `Arm64`) under the runtime, not `packages`.
 */
export function packageRules(cc: ComponentContext, runtime: 'containerd' | 'docker', parseDetail: string): Violation[] {
  const packages: PathSegment[] = ['spec', runtime, 'packages'];
  if (!structAt(cc.doc, packages)) return [];
  return ARCHES.flatMap((arch) => {
    const url = stringPointerAt(cc.doc, [...packages, arch.url]);
    const hash = stringPointerAt(cc.doc, [...packages, arch.hash]);
    const invalid = (key: string, kopsKey: string, detail: string, message: string): Violation =>
      rejection({ at: [...packages, key], type: 'Invalid', kopsPath: `spec.${runtime}.${kopsKey}`, detail, message });
    if (url !== undefined && hash !== undefined) {
      const parsed = parseGoUrl(url);
      return [
        ...('error' in parsed
          ? [
              invalid(
                arch.url,
                arch.urlPath,
                `${parseDetail}: parse ${JSON.stringify(url)}: ${parsed.error}`,
                `kops ${cc.v.text} cannot parse the ${runtime} package URL ${shown(url)}: ${parsed.error}.`,
              ),
            ]
          : []),
        ...(hash.length > 64
          ? [
              invalid(
                arch.hash,
                arch.hashPath,
                'Package hash must be 64 characters long',
                `kops ${cc.v.text} needs ${arch.hash} to be a SHA-256 hash of 64 hex characters.`,
              ),
            ]
          : []),
      ];
    }
    if (url !== undefined) {
      return [
        invalid(
          arch.url,
          arch.urlPath,
          'Package hash must also be set',
          `kops ${cc.v.text} needs ${arch.hash} next to ${arch.url}: add the package's SHA-256.`,
        ),
      ];
    }
    if (hash !== undefined) {
      return [
        invalid(
          arch.hash,
          arch.hashPath,
          'Package URL must also be set',
          `kops ${cc.v.text} needs ${arch.url} next to ${arch.hash}: add the package URL.`,
        ),
      ];
    }
    return [];
  });
}
