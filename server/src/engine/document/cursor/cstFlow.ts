import { CST, Parser } from 'yaml';
import type { FlowCursor } from './flowScan';
import type { PathSegment } from '../../types';

type Item = CST.CollectionItem;

const BLANK = new Set(['space', 'newline', 'comment']);

const tokensOf = (item: Item | undefined): CST.Token[] =>
  item ? [...item.start, item.key, ...(item.sep ?? []), item.value].filter((t): t is CST.Token => !!t) : [];

/** Where an item begins: its first token that is not blank or comment, or just after its `,`. */
function anchorOf(item: Item): number {
  for (const t of tokensOf(item)) if (!BLANK.has(t.type)) return t.type === 'comma' ? t.offset + 1 : t.offset;
  return Infinity;
}

const endOf = (t: CST.Token): number => t.offset + ('source' in t ? t.source.length : 0);
const isSeq = (c: CST.FlowCollection): boolean => c.start.type === 'flow-seq-start';
const keyText = (t: CST.Token | null | undefined): string | undefined =>
  t && CST.isScalar(t) ? String(CST.resolveAsScalar(t).value) : undefined;

function inside(c: CST.Token | undefined, at: number): c is CST.FlowCollection {
  if (c?.type !== 'flow-collection') return false;
  const close = c.end.find((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end');
  return at > c.start.offset && (!close || at <= close.offset);
}

/** The scalar text under the cursor, quotes excluded; of a plain scalar wrapped over lines, the cursor line's part. */
function wordAt(t: CST.Token, at: number): { of: CST.Token; start: number; end: number; after: number } | undefined {
  if (!CST.isScalar(t) || at < t.offset || at > endOf(t)) return undefined;
  if (t.type !== 'scalar') {
    const closed = t.source.length > 1 && t.source.endsWith(t.source[0]) ? 1 : 0;
    return { of: t, start: t.offset + 1, end: endOf(t) - closed, after: endOf(t) };
  }
  let start = t.offset;
  for (const line of t.source.split('\n')) {
    const end = start + line.trimEnd().length;
    const first = start + line.length - line.trimStart().length;
    if (at <= start + line.length) return at < first ? undefined : { of: t, start: first, end, after: end };
    start += line.length + 1;
  }
  return undefined;
}

function itemAt(c: CST.FlowCollection, at: number): { item?: Item; index: number } {
  let index = -1;
  c.items.forEach((it, i) => { if (anchorOf(it) <= at) index = i; });
  return { item: c.items[index], index };
}

/**
 * Reads the flow collection opening at offset `start` of `text` and places `cursor` in it.
 * Undefined when the cursor is outside the collection.
 */
export function flowCursor(text: string, start: number, cursor: number, limit = text.length): FlowCursor | undefined {
  const at = cursor - start;
  let coll = [...new Parser().parse(text.slice(start, limit))].find((t) => t.type === 'document')?.value;
  if (!inside(coll, at)) return undefined;
  const segs: PathSegment[] = [];
  let { item, index } = itemAt(coll, at);
  while (inside(item?.value, at)) {
    segs.push(isSeq(coll) ? index : keyText(item!.key) ?? '');
    coll = item!.value as CST.FlowCollection;
    ({ item, index } = itemAt(coll, at));
  }
  const token = [item?.key, item?.value].map((t) => t && wordAt(t, at)).find((w) => w);
  const sep = item?.sep?.find((t) => t.type === 'map-value-ind');
  const mode = !isSeq(coll) && (!sep || at <= sep.offset) ? 'key' : 'value';
  const key = !isSeq(coll) && mode === 'value' ? keyText(item?.key) ?? '' : undefined;
  const after = token ? token.after : at;
  const next = tokensOf(item ?? coll.items[0]).find((t) => !BLANK.has(t.type) && t.offset >= after);
  const keys = isSeq(coll) ? [] : coll.items.filter((it) => it.key !== token?.of).map((it) => keyText(it.key));
  return {
    segs,
    container: isSeq(coll) ? 'seq' : 'map',
    mode,
    key,
    start: start + (token ? token.start : at),
    end: start + (token ? token.end : at),
    keyOnly: mode === 'key' && next?.type === 'map-value-ind',
    existingKeys: keys.filter((k): k is string => k !== undefined && k !== key),
  };
}
