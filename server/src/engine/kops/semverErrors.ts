/**
 * The error texts of github.com/blang/semver/v4 (`Parse`, `ParseTolerant`), for kops details that quote them.
 * semver.ts decides whether a version parses; this says why one does not.
 */

const DIGITS = /^[0-9]*$/;
const ALPHANUM = /^[0-9A-Za-z-]*$/;
const leadingZero = (s: string): boolean => s.length > 1 && s[0] === '0';

function numberError(part: string, name: string): string | undefined {
  if (!DIGITS.test(part)) return `Invalid character(s) found in ${name} number ${JSON.stringify(part)}`;
  if (leadingZero(part)) return `${name[0].toUpperCase()}${name.slice(1)} number must not contain leading zeroes ${JSON.stringify(part)}`;
  if (part === '') return `strconv.ParseUint: parsing "": invalid syntax`;
  return BigInt(part) > 18446744073709551615n ? `strconv.ParseUint: parsing ${JSON.stringify(part)}: value out of range` : undefined;
}

function prereleaseError(part: string): string | undefined {
  if (part === '') return 'Prerelease is empty';
  if (DIGITS.test(part))
    return leadingZero(part) ? `Numeric PreRelease version must not contain leading zeroes ${JSON.stringify(part)}` : undefined;
  return ALPHANUM.test(part) ? undefined : `Invalid character(s) found in prerelease ${JSON.stringify(part)}`;
}

function buildError(part: string): string | undefined {
  if (part === '') return 'Build meta data is empty';
  return ALPHANUM.test(part) ? undefined : `Invalid character(s) found in build meta data ${JSON.stringify(part)}`;
}

/** blang's Parse error, or undefined when the text parses. */
export function semverParseError(text: string): string | undefined {
  if (text === '') return 'Version string empty';
  const [major, minor, ...rest] = text.split('.');
  if (rest.length === 0) return 'No Major.Minor.Patch elements found';
  let patch = rest.join('.');
  let build: string[] = [];
  let pre: string[] = [];
  const plus = patch.indexOf('+');
  if (plus >= 0) [patch, build] = [patch.slice(0, plus), patch.slice(plus + 1).split('.')];
  const dash = patch.indexOf('-');
  if (dash >= 0) [patch, pre] = [patch.slice(0, dash), patch.slice(dash + 1).split('.')];
  return (
    numberError(major, 'major') ??
    numberError(minor, 'minor') ??
    numberError(patch, 'patch') ??
    pre.map(prereleaseError).find((e) => e !== undefined) ??
    build.map(buildError).find((e) => e !== undefined)
  );
}

/** blang's ParseTolerant error: spaces and a leading `v` dropped, leading zeros trimmed, a short version filled up. */
export function semverTolerantParseError(text: string): string | undefined {
  const [major, minor, ...rest] = text.trim().replace(/^v/, '').split('.');
  const parts = [major, minor, ...(rest.length ? [rest.join('.')] : [])]
    .filter((p): p is string => p !== undefined)
    .map((p) => {
      if (p.length <= 1) return p;
      const trimmed = p.replace(/^0+/, '');
      return trimmed === '' || !/^[0-9]/.test(trimmed) ? `0${trimmed}` : trimmed;
    });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1])) return 'Short version cannot contain PreRelease/Build meta data';
    while (parts.length < 3) parts.push('0');
  }
  return semverParseError(parts.join('.'));
}
