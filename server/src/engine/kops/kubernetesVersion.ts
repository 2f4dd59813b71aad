import { parseKubernetesVersion, type SemVer } from './semver';

/**
 * kops' util.ParseKubernetesVersion: a tolerant semver, else a version found in a release URL
 * (`…/v1.29.3/…` reads as 1.29.0; releases before v1.28 listed the minors, from 1.3 to the then newest). Undefined
 * where every kops release fails. kops v1.18 used a stricter semver that refuses leading zeros: such a version is
 * read here as later releases read it (a missed error, never a false one).
 */
const RELEASE_URL = /\/v1\.(\d+)\./;
const OLD_PREFIX = /^1\.([3-7])\./;

export function kopsKubernetesVersion(text: string): SemVer | undefined {
  const parsed = parseKubernetesVersion(text);
  if (parsed) return parsed;
  const minor = RELEASE_URL.exec(text)?.[1] ?? OLD_PREFIX.exec(trimV(text))?.[1];
  return minor === undefined || minor.length > 18 ? undefined : { major: 1, minor: Number(minor), patch: 0 };
}

/** Go's strings.Trim(s, "v"): `v` removed at both ends. */
const trimV = (text: string): string => text.replace(/^v+|v+$/g, '');
