import { isNode, visit } from 'yaml';
import { oncePerParse, type YamlDocument } from './documents';
import { nodesAlong } from './yamlNav';
import type { PathSegment } from '../types';

/** A named stretch of a document's text (offsets into `doc.text`). */
export interface NamedSpan {
  name: string;
  start: number;
  end: number;
}

/** A document's nodes carrying an anchor some alias uses (a key's included), and its aliases. */
export interface AnchorUse {
  anchored: NamedSpan[];
  aliases: NamedSpan[];
}

const mayAlias = (doc: YamlDocument): boolean => doc.text.includes('&') && doc.text.includes('*');

function aliasesOf(doc: YamlDocument): NamedSpan[] {
  const aliases: NamedSpan[] = [];
  visit(doc.yaml, {
    Alias: (_, alias) => void (alias.range && aliases.push({ name: alias.source, start: alias.range[0], end: alias.range[1] })),
  });
  return aliases;
}

export function aliasedAnchors(doc: YamlDocument): AnchorUse {
  if (!mayAlias(doc)) return { anchored: [], aliases: [] };
  const anchored: NamedSpan[] = [];
  const note = (node: unknown) => {
    if (isNode(node) && node.anchor && node.range) anchored.push({ name: node.anchor, start: node.range[0], end: node.range[1] });
  };
  visit(doc.yaml, { Node: (_, node) => note(node), Pair: (_, pair) => note(pair.key) });
  const aliases = aliasesOf(doc);
  const used = new Set(aliases.map((a) => a.name));
  return { anchored: anchored.filter((span) => used.has(span.name)), aliases };
}

/**
 * The anchor, used by an alias, of a node from the document root down to `path`'s node (included, as far as the
 * path exists): writing anything under that node changes what the alias stands for, so an editor declines it.
 */
export function aliasedAnchorAlong(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  if (!mayAlias(doc)) return undefined;
  const used = aliasNames(doc);
  return nodesAlong(doc, path).find((node) => node.anchor !== undefined && used.has(node.anchor))?.anchor;
}

/** The names the aliases of a document use, once per parse (the scenario list asks for every change it checks). */
const aliasNames = oncePerParse((doc) => new Set(aliasesOf(doc).map((a) => a.name)));
