import { findingOffset, fix, pathStartingAt, type Fixer } from './context';

/** Keys kops throws away (dead) or no longer uses (no effect): removing them changes nothing kops does. */

const removal = (why: string, extra: { preferred?: boolean; fixAllSafe?: boolean }): Fixer => (ctx) => {
  const located = pathStartingAt(ctx.doc, findingOffset(ctx));
  if (!located) return [];
  const key = String(located.path[located.path.length - 1]);
  return fix(`Remove \`${key}\` (${why})`, ctx.edit.removeKeyKeepingParent(located.path), extra);
};

export const KEY_FIXERS: Record<string, Fixer> = {
  'cilium-dead-key': removal('kops discards it', { preferred: true, fixAllSafe: true }),
  'cilium-no-effect': removal('it has no effect', {}),
  'cilium-key-too-new': removal('this kops release ignores it', {}),
};
