/**
 * Semantic versions as kops parses them (github.com/blang/semver/v4): `Parse` is strict, and on any
 * error kops keeps going with the zero version (0.0.0), which is what its range checks then compare.
 */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

const ZERO: SemVer = { major: 0, minor: 0, patch: 0 };
const MAX_UINT64 = 18446744073709551615n;
const DIGITS = /^[0-9]*$/;
const ALPHANUM = /^[0-9A-Za-z-]*$/;

const leadingZero = (s: string): boolean => s.length > 1 && s[0] === '0';

/** A decimal that Go's ParseUint(s, 10, 64) accepts; huge values are clamped (they never equal a real minor). */
function uint(s: string): number | undefined {
  if (s === '' || !DIGITS.test(s) || leadingZero(s)) return undefined;
  if (BigInt(s) > MAX_UINT64) return undefined;
  return Number(s);
}

function validPrerelease(part: string): boolean {
  if (part === '') return false;
  if (DIGITS.test(part)) return !leadingZero(part);
  return ALPHANUM.test(part);
}

/** Strict parse of `MAJOR.MINOR.PATCH[-pre][+build]` (no leading `v`). */
export function parseSemver(text: string): SemVer | undefined {
  const parts = splitN(text, '.', 3);
  if (parts.length !== 3) return undefined;
  const major = uint(parts[0]);
  const minor = uint(parts[1]);
  if (major === undefined || minor === undefined) return undefined;
  let rest = parts[2];
  let build: string[] = [];
  let pre: string[] = [];
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    build = rest.slice(plus + 1).split('.');
    rest = rest.slice(0, plus);
  }
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    pre = rest.slice(dash + 1).split('.');
    rest = rest.slice(0, dash);
  }
  const patch = uint(rest);
  if (patch === undefined) return undefined;
  if (!pre.every(validPrerelease)) return undefined;
  if (!build.every((b) => b !== '' && ALPHANUM.test(b))) return undefined;
  return { major, minor, patch };
}

/** What kops compares after a parse: the parsed version, or 0.0.0 when parsing failed. */
export const semverOrZero = (text: string): SemVer => parseSemver(text) ?? ZERO;

/** Go's strings.SplitN. */
function splitN(text: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/**
 * kops' ParseKubernetesVersion (blang ParseTolerant): trims spaces and a `v`, drops leading zeros, fills a
 * missing minor/patch with 0. Undefined where kops fails (kops then panics in the Kubernetes gates, so they are
 * skipped; full validation would have stopped at kubernetesVersion first).
 */
export function parseKubernetesVersion(text: string): SemVer | undefined {
  const normalized = tolerantText(text);
  return normalized === undefined ? undefined : parseSemver(normalized);
}

/** The text blang's ParseTolerant hands to Parse, or undefined when a short version carries pre-release or build data. */
function tolerantText(text: string): string | undefined {
  const parts = splitN(text.trim().replace(/^v/, ''), '.', 3).map((p) => {
    if (p.length <= 1) return p;
    const trimmed = p.replace(/^0+/, '');
    return trimmed === '' || !/^[0-9]/.test(trimmed) ? `0${trimmed}` : trimmed;
  });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1])) return undefined;
    while (parts.length < 3) parts.push('0');
  }
  return parts.join('.');
}

/** Why blang's ParseTolerant rejects `text` (its own error text), or undefined when it parses. */
export function tolerantSemverError(text: string): string | undefined {
  const normalized = tolerantText(text);
  return normalized === undefined ? 'Short version cannot contain PreRelease/Build meta data' : semverParseError(normalized);
}

export const compareSemver = (a: SemVer, b: SemVer): number => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/** Why blang/semver's strict Parse rejects `text` (its own error text), or undefined when it parses. */
export function semverParseError(text: string): string | undefined {
  if (text === '') return 'Version string empty';
  const parts = splitN(text, '.', 3);
  if (parts.length !== 3) return 'No Major.Minor.Patch elements found';
  for (const [name, part] of [
    ['major', parts[0]],
    ['minor', parts[1]],
  ] as const) {
    const label = name === 'major' ? 'Major' : 'Minor';
    if (!DIGITS.test(part)) return `Invalid character(s) found in ${name} number "${part}"`;
    if (leadingZero(part)) return `${label} number must not contain leading zeroes "${part}"`;
    if (part === '' || BigInt(part) > MAX_UINT64)
      return `strconv.ParseUint: parsing "${part}": ${part === '' ? 'invalid syntax' : 'value out of range'}`;
  }
  let patch = parts[2];
  const plus = patch.indexOf('+');
  const build = plus >= 0 ? patch.slice(plus + 1).split('.') : [];
  if (plus >= 0) patch = patch.slice(0, plus);
  const dash = patch.indexOf('-');
  const pre = dash >= 0 ? patch.slice(dash + 1).split('.') : [];
  if (dash >= 0) patch = patch.slice(0, dash);
  if (!DIGITS.test(patch)) return `Invalid character(s) found in patch number "${patch}"`;
  if (leadingZero(patch)) return `Patch number must not contain leading zeroes "${patch}"`;
  if (patch === '' || BigInt(patch) > MAX_UINT64)
    return `strconv.ParseUint: parsing "${patch}": ${patch === '' ? 'invalid syntax' : 'value out of range'}`;
  for (const part of pre) {
    if (part === '') return 'Prerelease is empty';
    if (DIGITS.test(part) && leadingZero(part)) return `Numeric PreRelease version must not contain leading zeroes "${part}"`;
    if (!ALPHANUM.test(part)) return `Invalid character(s) found in prerelease "${part}"`;
  }
  for (const part of build) {
    if (part === '') return `Build meta data can not be empty "${part}"`;
    if (!ALPHANUM.test(part)) return `Invalid character(s) found in build meta data "${part}"`;
  }
  return undefined;
}
