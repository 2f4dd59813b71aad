import { compareKops, KOPS_RELEASES, releaseName, type KopsVersion } from '../releases';
import type { ReleaseRanges } from './knowledgeNode';

/** The range holding release `v`, if any. */
export const rangeHolding = (ranges: ReleaseRanges, v: KopsVersion): ReleaseRanges[number] | undefined =>
  ranges.find(([from, until]) => compareKops(v, from) >= 0 && (until === undefined || compareKops(v, until) < 0));

/** The last release before `until`: the last one of a closed range. */
function lastBefore(until: string): string {
  const at = KOPS_RELEASES.indexOf(until);
  return at > 0 ? KOPS_RELEASES[at - 1] : until;
}

/** A range in words after "kops has it", naming releases as kops' release notes do: `since v1.27.2`, `in v1.18–v1.30.1`. */
export function rangeText([from, until]: ReleaseRanges[number]): string {
  if (until === undefined) return `since ${releaseName(from)}`;
  const last = lastBefore(until);
  return last === from ? `in ${releaseName(from)}` : `in ${releaseName(from)}–${releaseName(last)}`;
}

/** `in v1.26.6 and since v1.27.2` */
export const rangesText = (ranges: ReleaseRanges): string => {
  const parts = ranges.map(rangeText);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
};
