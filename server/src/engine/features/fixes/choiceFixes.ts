import { isMap, isScalar, isSeq } from 'yaml';
import { editDistance } from '../../kops/didYouMean';
import type { Fix, PathSegment } from '../../types';
import { nodeAt, pathStartingAt } from '../../document/yamlNav';
import { findingOffset, fix, parsePath, titlePart, type FixContext, type Fixer } from './context';

/** Ranked replacements for a mistyped enum value or key: at most three, the best one preferred only when clearly best. */

const MAX_CHOICES = 3;
const tolerance = (length: number): number => (length <= 4 ? 1 : length <= 9 ? 2 : 3);

interface Ranked {
  choice: string;
  loose: number;
  exact: number;
}

/** Past this length a value is no typo of a choice; edit distance would cost length × choice length each. */
const MAX_RANKED_LENGTH = 100;

function rank(typed: string, choices: readonly string[]): Ranked[] {
  const lower = typed.toLowerCase();
  const others = choices.filter((c) => c !== typed);
  if (typed.length > MAX_RANKED_LENGTH) return others.map((choice) => ({ choice, loose: Infinity, exact: Infinity }));
  return others
    .map((choice) => ({ choice, loose: editDistance(lower, choice.toLowerCase()), exact: editDistance(typed, choice) }))
    .sort((a, b) => a.loose - b.loose || a.exact - b.exact);
}

/** The single choice a careful reader would pick: clearly the closest, or the only one the typed text contains. */
function clearWinner(typed: string, ranked: readonly Ranked[]): string | undefined {
  const [first, second] = ranked;
  if (!first) return undefined;
  const close = first.loose <= tolerance(typed.length) && (!second || first.loose < second.loose);
  if (close) return first.choice;
  const lower = typed.toLowerCase();
  const contained = ranked.filter((r) => lower.includes(r.choice.toLowerCase()) || r.choice.toLowerCase().startsWith(lower));
  return contained.length === 1 ? contained[0].choice : undefined;
}

/**
 * Values users write for an enum that name what one of its choices means rather than resemble it: Cilium's
 * AWS IPAM mode is `eni`.
 */
const MEANT_BY_CODE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'cilium-enum-ipam': { aws: 'eni' },
};

function meantChoice(code: string, typed: string, choices: readonly string[]): string | undefined {
  const meant = MEANT_BY_CODE[code]?.[typed.toLowerCase()];
  return meant !== undefined && choices.includes(meant) ? meant : undefined;
}

function choiceFixes(
  typed: string,
  choices: readonly string[],
  title: (c: string) => string,
  edits: (c: string) => Fix['edits'],
  meant?: string,
): Fix[] {
  const ranked = rank(typed, choices);
  const winner = meant ?? clearWinner(typed, ranked);
  const ordered = winner ? [winner, ...ranked.map((r) => r.choice).filter((c) => c !== winner)] : ranked.map((r) => r.choice);
  return ordered.slice(0, MAX_CHOICES).flatMap((c) => fix(title(c), edits(c), c === winner ? { preferred: true } : {}));
}

/** A choice as a fix title shows it: bare, or quoted when it is empty or holds spaces. */
const shownChoice = (c: string): string => (c.trim() === '' || /\s/.test(c) ? JSON.stringify(c) : titlePart(c, 60));

/** `supported values: "a", "b"` as kops prints it. */
const supportedValues = (detail: string | undefined): string[] =>
  detail?.startsWith('supported values:') ? [...detail.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [];

/** Names other etcd clusters already use: renaming onto one would only trade errors. */
function takenEtcdNames(ctx: FixContext, path: readonly PathSegment[]): string[] {
  const index = path[2];
  const clusters = nodeAt(ctx.doc, ['spec', 'etcdClusters']);
  if (!isSeq(clusters) || typeof index !== 'number') return [];
  return clusters.items.flatMap((item, i) => {
    const name = isMap(item) ? item.get('name') : undefined;
    return i !== index && typeof name === 'string' ? [name] : [];
  });
}

export const enumFixer: Fixer = (ctx) => {
  const path = parsePath(ctx.finding.path);
  const node = nodeAt(ctx.doc, path);
  if (!isScalar(node) || !node.range) return [];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar holds a string, number or boolean here
  const typed = String(node.value ?? '');
  const fromKops = supportedValues(ctx.finding.kops?.detail);
  const offered = fromKops.length ? fromKops : (ctx.finding.fixes ?? []).flatMap((f) => (f.edits.length === 1 ? [f.edits[0].newText] : []));
  const taken = ctx.finding.code === 'etcd-cluster-name' ? takenEtcdNames(ctx, path) : [];
  const choices = offered.filter((c) => !taken.includes(c));
  return choiceFixes(
    typed,
    choices,
    (c) => `Change to ${shownChoice(c)}`,
    (c) => ctx.edit.set(path, c),
    meantChoice(ctx.finding.code, typed, choices),
  );
};

/** Rename candidates come from the finding's own suggestions, so the message and the fixes agree. */
export const renameFixer: Fixer = (ctx) => {
  const located = pathStartingAt(ctx.doc, findingOffset(ctx));
  if (!located || located.at !== 'key') return [];
  const typed = String(located.path[located.path.length - 1]);
  const suggestions = (ctx.finding.fixes ?? []).flatMap((f) => (f.edits.length === 1 ? [f.edits[0].newText] : []));
  const fixes = choiceFixes(
    typed,
    suggestions,
    (c) => `Rename to ${c}`,
    (c) => ctx.edit.renameKey(located.path, c),
  );
  return fixes.map((f) => (f.preferred && f.edits[0].newText.toLowerCase() === typed.toLowerCase() ? { ...f, fixAllSafe: true } : f));
};

/**
 * A ported kops rule's finding: the fixes the rule built, and for a value kops does not support (its detail lists
 * the supported values) the closest of those values.
 */
export const kopsRuleFixer: Fixer = (ctx) => {
  const own = ctx.finding.fixes ?? [];
  const values = supportedValues(ctx.finding.kops?.detail);
  const path = parsePath(ctx.finding.path);
  const node = nodeAt(ctx.doc, path);
  if (!values.length || !isScalar(node) || !node.range) return own;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar holds a string, number or boolean here
  const typed = String(node.value ?? '');
  return [
    ...own,
    ...choiceFixes(
      typed,
      values,
      (c) => `Change to ${shownChoice(c)}`,
      (c) => ctx.edit.set(path, c),
    ),
  ];
};
