import { atLeast, before, namedRelease, releaseName, type KopsVersion } from './releases';

/**
 * A kops release range: `from` inclusive, `until` exclusive (`1.36` = v1.36.0). Patch numbers matter:
 * a few rules were back-ported into patch releases (e.g. v1.34.3, v1.35.1).
 */
export interface Era {
  from: string;
  until?: string;
}

export const inEra = (v: KopsVersion, era: Era): boolean => atLeast(v, era.from) && (era.until === undefined || before(v, era.until));

export const inAnyEra = (v: KopsVersion, eras: readonly Era[]): boolean => eras.some((e) => inEra(v, e));

/** The era of `eras` that contains `v`, for per-era rule variants. */
export function eraOf<T extends Era>(v: KopsVersion, eras: readonly T[]): T | undefined {
  return eras.find((e) => inEra(v, e));
}

/** "kops v1.26–v1.35", "kops v1.36 and newer", "kops v1.34.3–v1.34.x": for messages. */
export function eraText(era: Era): string {
  const from = namedRelease(era.from);
  const first = releaseName(era.from);
  if (era.until === undefined) return `kops ${first} and newer`;
  const { major, minor, patch } = namedRelease(era.until);
  const last = patch > 0 ? `v${major}.${minor}.${patch - 1}` : `v${major}.${minor - 1}`;
  const lastText = patch === 0 && from.patch > 0 && from.minor === minor - 1 ? `v${major}.${minor - 1}.x` : last;
  return first === lastText ? `kops ${lastText}` : `kops ${first}–${lastText}`;
}

export const erasText = (eras: readonly Era[]): string =>
  eras
    .map(eraText)
    .map((t, i) => (i === 0 ? t : t.replace(/^kops /, '')))
    .join(', ');
