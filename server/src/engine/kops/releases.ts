/** kops releases we know, and the per-file `# kops-version:` override. */
import generated from './knowledge/generated/releases.json';

export interface KopsVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** Every kops release we know, oldest first, as read from kops' tags by scripts/gen-knowledge.ts. */
export const KOPS_RELEASES: readonly string[] = generated.releases.map((r) => r.tag);
export const OLDEST_KOPS = KOPS_RELEASES[0];
/** The newest kops release kops-spec knows: its schemas and catalogs go up to it, and it is the default. */
export const NEWEST_KOPS = KOPS_RELEASES[KOPS_RELEASES.length - 1];

const RELEASE = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/;

/** The numbers of a release written `v1.23.4`, `1.23.4` or `v1.23` (then `patch` is undefined). */
export function releaseNumbers(text: string): { major: number; minor: number; patch?: number } | undefined {
  const m = RELEASE.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), ...(m[3] === undefined ? {} : { patch: Number(m[3]) }) };
}

/** A release this code or its catalogs name (`v1.23`, `v1.23.4`), keeping its text; a missing patch is 0. */
export function namedRelease(text: string): KopsVersion {
  const n = releaseNumbers(text);
  if (!n) throw new Error(`"${text}" is not a kops release`);
  return { major: n.major, minor: n.minor, patch: n.patch ?? 0, text };
}

/** `v1.23.0` → `v1.23`, `v1.23.4` stays: a release the way messages and release notes name it. */
export function releaseName(text: string): string {
  const n = releaseNumbers(text);
  if (!n) return text;
  return n.patch ? `v${n.major}.${n.minor}.${n.patch}` : `v${n.major}.${n.minor}`;
}

const OLDEST = namedRelease(OLDEST_KOPS);
const NEWEST = namedRelease(NEWEST_KOPS);

export type VersionResult = { version: KopsVersion } | { error: string };

export function parseKopsVersion(raw: string): VersionResult {
  const text = raw.trim();
  const n = releaseNumbers(text);
  if (n?.patch === undefined) {
    return { error: `"${text}" is not a kops version; write it as vMAJOR.MINOR.PATCH, e.g. ${NEWEST_KOPS}` };
  }
  const { major, minor, patch } = n;
  if (major !== NEWEST.major || minor < OLDEST.minor || minor > NEWEST.minor) {
    return { error: `kops ${text} is not supported: kops-spec knows kops ${OLDEST_KOPS} to v${NEWEST.major}.${NEWEST.minor}.x` };
  }
  return { version: { major, minor, patch, text: `v${major}.${minor}.${patch}` } };
}

function parse(text: string): KopsVersion {
  const r = parseKopsVersion(text);
  if ('error' in r) throw new Error(r.error);
  return r.version;
}

/** Every kops release we know, patch-exact, newest first: v1.36.2, v1.36.1, v1.36.0, v1.35.x ... v1.18.0. */
export function knownKopsReleases(): string[] {
  return [...KOPS_RELEASES].reverse();
}

export const newestKops = (): KopsVersion => parse(NEWEST_KOPS);

/**
 * Parsed thresholds: callers compare against a few dozen literal and catalog versions millions of times, so
 * each string is split once (it was a tenth of all server CPU). Bounded by the distinct strings in the code
 * and the catalog; anything else is parsed but not kept.
 */
const THRESHOLDS = new Map<string, KopsVersion>();
const MAX_THRESHOLDS = 1000;

function threshold(other: string): KopsVersion {
  let parsed = THRESHOLDS.get(other);
  if (parsed) return parsed;
  parsed = namedRelease(other);
  if (THRESHOLDS.size < MAX_THRESHOLDS) THRESHOLDS.set(other, parsed);
  return parsed;
}

/** The newest release we know that is not newer than `v` (the oldest for a release before it). */
export function knownReleaseOf(v: KopsVersion): string {
  for (let i = KOPS_RELEASES.length - 1; i > 0; i--) if (compareKops(v, KOPS_RELEASES[i]) >= 0) return KOPS_RELEASES[i];
  return OLDEST_KOPS;
}

/** Compares against `1.23` or `1.23.4`; missing patch counts as 0. */
export function compareKops(v: KopsVersion, other: string): number {
  const t = threshold(other);
  return v.major - t.major || v.minor - t.minor || v.patch - t.patch;
}
export const atLeast = (v: KopsVersion, other: string): boolean => compareKops(v, other) >= 0;
export const before = (v: KopsVersion, other: string): boolean => compareKops(v, other) < 0;

export { findVersionComment, type VersionComment } from '../../kopsIdentity';
