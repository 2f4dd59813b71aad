import { atLeast, before, type KopsVersion } from './releases';

/**
 * A kops release range: `from` inclusive, `until` exclusive (`1.36` = v1.36.0). Patch numbers matter:
 * a few rules were back-ported into patch releases (e.g. v1.34.3, v1.35.1).
 */
export interface Era { from: string; until?: string }

export const inEra = (v: KopsVersion, era: Era): boolean =>
  atLeast(v, era.from) && (era.until === undefined || before(v, era.until));

export const inAnyEra = (v: KopsVersion, eras: readonly Era[]): boolean => eras.some((e) => inEra(v, e));

/** The era of `eras` that contains `v`, for per-era rule variants. */
export function eraOf<T extends Era>(v: KopsVersion, eras: readonly T[]): T | undefined {
  return eras.find((e) => inEra(v, e));
}

function parts(text: string): [number, number, number] {
  const [maj, min, pat = 0] = text.replace(/^v/, '').split('.').map(Number);
  return [maj, min, pat];
}

const shown = ([maj, min, pat]: [number, number, number]): string => (pat ? `v${maj}.${min}.${pat}` : `v${maj}.${min}`);

/** "kops v1.26–v1.35", "kops v1.36 and newer", "kops v1.34.3–v1.34.x": for messages. */
export function eraText(era: Era): string {
  const from = parts(era.from);
  if (era.until === undefined) return `kops ${shown(from)} and newer`;
  const [maj, min, pat] = parts(era.until);
  const last = pat > 0 ? `v${maj}.${min}.${pat - 1}` : `v${maj}.${min - 1}`;
  const lastText = pat === 0 && from[2] > 0 && from[1] === min - 1 ? `v${maj}.${min - 1}.x` : last;
  return shown(from) === lastText ? `kops ${lastText}` : `kops ${shown(from)}–${lastText}`;
}

export const erasText = (eras: readonly Era[]): string =>
  eras.map(eraText).map((t, i) => (i === 0 ? t : t.replace(/^kops /, ''))).join(', ');
