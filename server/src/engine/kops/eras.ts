import { atLeast, before, type KopsVersion } from './releases';

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
