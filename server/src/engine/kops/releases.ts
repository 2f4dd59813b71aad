/** kops releases we know, and the per-file `# kops-version:` override. */
export interface KopsVersion { major: number; minor: number; patch: number; text: string }

export const OLDEST_KOPS = 'v1.18.0';
export const NEWEST_KOPS = 'v1.36.2';
const OLDEST_MINOR = 18;
const NEWEST_MINOR = 36;

export type VersionResult = { version: KopsVersion } | { error: string };

export function parseKopsVersion(raw: string): VersionResult {
  const text = raw.trim();
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (!m) {
    return { error: `"${text}" is not a kops version; write it as vMAJOR.MINOR.PATCH, e.g. ${NEWEST_KOPS}` };
  }
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (major !== 1 || minor < OLDEST_MINOR || minor > NEWEST_MINOR) {
    return { error: `kops ${text} is not supported: kops-spec knows kops ${OLDEST_KOPS} to v1.${NEWEST_MINOR}.x` };
  }
  return { version: { major, minor, patch, text: `v${major}.${minor}.${patch}` } };
}

function parse(text: string): KopsVersion {
  const r = parseKopsVersion(text);
  if ('error' in r) throw new Error(r.error);
  return r.version;
}

/** One entry per kops release line we know, newest first: v1.36.2, v1.35.0 ... v1.18.0. */
export function knownKopsReleases(): string[] {
  const out = [NEWEST_KOPS];
  for (let minor = NEWEST_MINOR - 1; minor >= OLDEST_MINOR; minor--) out.push(`v1.${minor}.0`);
  return out;
}

export const newestKops = (): KopsVersion => parse(NEWEST_KOPS);

/**
 * Parsed thresholds: callers compare against a few dozen literal and catalog versions millions of times, so
 * each string is split once (it was a tenth of all server CPU). Bounded by the distinct strings in the code
 * and the catalog; anything else is parsed but not kept.
 */
const THRESHOLDS = new Map<string, readonly [number, number, number]>();
const MAX_THRESHOLDS = 1000;

function threshold(other: string): readonly [number, number, number] {
  let parsed = THRESHOLDS.get(other);
  if (parsed) return parsed;
  const [maj, min, pat = 0] = other.replace(/^v/, '').split('.').map(Number);
  parsed = [maj, min, pat];
  if (THRESHOLDS.size < MAX_THRESHOLDS) THRESHOLDS.set(other, parsed);
  return parsed;
}

/** Compares against `1.23` or `1.23.4`; missing patch counts as 0. */
export function compareKops(v: KopsVersion, other: string): number {
  const [maj, min, pat] = threshold(other);
  return v.major - maj || v.minor - min || v.patch - pat;
}
export const atLeast = (v: KopsVersion, other: string): boolean => compareKops(v, other) >= 0;
export const before = (v: KopsVersion, other: string): boolean => compareKops(v, other) < 0;

// Not the `m` flag: it would also start lines after U+2028/U+2029, which LSP does not.
const COMMENT = /(?<=^|[\r\n])#[ \t]*kops-version:[ \t]*(\S*)[ \t]*(?=[\r\n]|$)/;

/** `start`/`end` are the value's offsets in the text. */
export interface VersionComment { value: string; start: number; end: number }

/** The first `# kops-version: vX.Y.Z` comment line of a file, if any. */
export function findVersionComment(text: string): VersionComment | undefined {
  if (!text.includes('kops-version:')) return undefined; // the usual case, at memchr speed on a 50k-line file
  const m = COMMENT.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1], m[0].indexOf(':') + 1);
  return { value: m[1], start, end: start + m[1].length };
}
