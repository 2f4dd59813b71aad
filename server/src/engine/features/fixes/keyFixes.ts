import { pathStartingAt } from '../../document/yamlNav';
import { findingOffset, fix, type Fixer } from './context';

/** Keys kops throws away (dead), no longer uses (no effect) or says do nothing: removing them changes nothing in the cluster. */

const removal =
  (why: string, extra: { preferred?: boolean; fixAllSafe?: boolean }): Fixer =>
  (ctx) => {
    const located = pathStartingAt(ctx.doc, findingOffset(ctx));
    if (!located) return [];
    const key = String(located.path[located.path.length - 1]);
    return fix(`Remove ${key} (${why})`, ctx.edit.removeKeyKeepingParent(located.path), extra);
  };

export const removeDeadKey = removal('kops discards it', { preferred: true, fixAllSafe: true });
export const removeKeyKopsSaysDoesNothing = removal('it does nothing', { preferred: true, fixAllSafe: true });
export const removeKeyWithoutEffect = removal('it has no effect', {});
export const removeTooNewKey = removal('this kops release ignores it', {});
