import { atLeast, before, compareKops, namedRelease, type KopsVersion } from '../releases';
import generated from '../knowledge/generated/ciliumComments.json';

/** What kops' own v1alpha2 Go comment on a Cilium key says when it says the key does nothing. */
export type KopsCommentSays = 'not implemented' | 'deprecated' | 'ignored' | 'unused';

/** Releases from `from` up to, not including, `until` (open-ended when absent) where kops' comment says `says`. */
export interface KopsNoEffectComment {
  says: KopsCommentSays;
  from: string;
  until?: string;
}

const SAYS: readonly string[] = ['not implemented', 'deprecated', 'ignored', 'unused'] satisfies KopsCommentSays[];
const isSays = (text: string): text is KopsCommentSays => SAYS.includes(text);

function stretches(entries: ReadonlyArray<{ in: string[][]; says: string }>): readonly KopsNoEffectComment[] {
  const out: KopsNoEffectComment[] = [];
  for (const { in: ranges, says } of entries) {
    if (!isSays(says)) continue;
    for (const [from, until] of ranges) out.push(Object.freeze(until === undefined ? { says, from } : { says, from, until }));
  }
  return Object.freeze(out.sort((a, b) => compareKops(namedRelease(a.from), b.from)));
}

/** By v1alpha2 key path, e.g. 'agentLabels'. */
const BY_PATH: ReadonlyMap<string, readonly KopsNoEffectComment[]> = new Map(
  Object.entries(generated.fields).map(([path, entries]) => [path, stretches(entries)]),
);

const covers = (c: KopsNoEffectComment, v: KopsVersion): boolean => atLeast(v, c.from) && (c.until === undefined || before(v, c.until));

/** What kops `v`'s comment on the key says, when it says the key does nothing there. */
export function noEffectCommentAt(v: KopsVersion, path: string): KopsNoEffectComment | undefined {
  return BY_PATH.get(path)?.find((c) => covers(c, v));
}

/** Every stretch of releases where kops' comment says the key does nothing, oldest first. */
export const noEffectComments = (path: string): readonly KopsNoEffectComment[] => BY_PATH.get(path) ?? [];

/** The Cilium keys kops' comments say do nothing in some release. */
export const commentedCiliumPaths = (): string[] => [...BY_PATH.keys()];
