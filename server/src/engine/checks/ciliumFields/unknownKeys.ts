import { isScalar, type Pair } from 'yaml';
import type { CiliumParent } from '../../kops/catalog/ciliumFields';
import { suggestKeys } from '../../kops/didYouMean';
import { keysAt } from '../../document/yamlNav';
import { formatPath, type Finding, type Fix, type PathSegment } from '../../types';
import { docsFor, rangeOf, type CiliumContext } from './context';
import { newerKopsWith, type KeyIndex } from './keyIndex';
import { shortText } from '../rules/shortText';

const quoted = (names: string[]): string => {
  const q = names.map((n) => `"${n}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q[0];
};

/** The first suggestion is the preferred fix only when it is unambiguous: the sole one, or a case-only slip. */
function renameFixes(ctx: CiliumContext, pair: Pair, typed: string, names: string[]): Fix[] {
  const range = rangeOf(ctx, isScalar(pair.key) ? pair.key : undefined);
  if (!range) return [];
  const clear = names.length === 1 || names[0]?.toLowerCase() === typed.toLowerCase();
  return names.map((name, i) => ({
    title: `Rename to ${name}`,
    edits: [{ range, newText: name }],
    ...(i === 0 && clear ? { preferred: true } : {}),
  }));
}

/** A key kops does not have under this Cilium map: too new for this kops, or unknown (then silently dropped). */
export function unknownKeyFinding(
  ctx: CiliumContext,
  pair: Pair,
  parent: CiliumParent,
  key: string,
  index: KeyIndex,
  path: PathSegment[],
): Finding | undefined {
  const range = rangeOf(ctx, isScalar(pair.key) ? pair.key : undefined);
  if (!range) return undefined;
  const since = newerKopsWith(ctx.v, parent, key, ctx.api);
  if (since) {
    return {
      code: 'cilium-key-too-new',
      path: formatPath(path),
      range,
      severity: 'warning',
      message: `kops ${ctx.v.text} ignores ${key}, which kops ${since} added: remove it or upgrade kops.`,
      docs: docsFor(ctx),
    };
  }
  // A key already present is no rename target: renaming onto it would make a duplicate key.
  const present = keysAt(ctx.doc, path.slice(0, -1));
  const names = suggestKeys(
    key,
    [...index.keys()].filter((k) => !present.has(k)),
    3,
  );
  const where = formatPath(path.slice(0, -1));
  const hint = names.length ? `: did you mean ${quoted(names)}?` : ': remove it.';
  const fixes = renameFixes(ctx, pair, key, names);
  return {
    code: 'cilium-unknown-key',
    path: formatPath(path),
    range,
    severity: 'warning',
    message: `kops ${ctx.v.text} ignores unknown key "${shortText(key)}" under ${where}${hint}`,
    docs: docsFor(ctx),
    ...(fixes.length ? { fixes } : {}),
  };
}
