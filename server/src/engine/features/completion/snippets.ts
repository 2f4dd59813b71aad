import type { CursorContext } from '../../document/cursor/cursorContext';

/** How a key's value is written when the key is inserted. */
export type ValueShape =
  | { kind: 'scalar' }
  | { kind: 'choice'; values: string[] }
  | { kind: 'block'; firstChild?: { name: string; values: string[] } }
  | { kind: 'list' };

export interface KeyInsert {
  text: string;
  isSnippet: boolean;
}

const escapeChoice = (value: string): string => value.replace(/[\\,|$}]/g, (c) => `\\${c}`);
const choice = (values: string[]): string => `\${1|${values.map(escapeChoice).join(',')}|}`;

/**
 * Text inserting `name` with a value skeleton: `key: `, `key: ${1|a,b|}`, a nested block or list on the next
 * lines (block style), or `{…}` / `[…]` in a flow collection. Only the name when a `:` already follows.
 */
export function keyInsert(ctx: CursorContext, name: string, shape: ValueShape): KeyInsert {
  if (ctx.keyOnly) return { text: name, isSnippet: false };
  if (shape.kind === 'scalar') return { text: `${name}: `, isSnippet: false };
  if (shape.kind === 'choice') return { text: `${name}: ${choice(shape.values)}`, isSnippet: true };
  const child = shape.kind === 'block' ? shape.firstChild : undefined;
  if (ctx.style === 'flow') {
    if (shape.kind === 'list') return { text: `${name}: [$0]`, isSnippet: true };
    return { text: child ? `${name}: {${child.name}: ${choice(child.values)}}` : `${name}: {$0}`, isSnippet: true };
  }
  const keyOffset = ' '.repeat(Math.max(0, ctx.keyColumn - ctx.lineIndent));
  if (shape.kind === 'list') return { text: `${name}:\n${keyOffset}- $0`, isSnippet: true };
  const childIndent = keyOffset + ' '.repeat(ctx.indentStep);
  return { text: `${name}:\n${childIndent}${child ? `${child.name}: ${choice(child.values)}` : '$0'}`, isSnippet: true };
}

/** A value as inserted at the cursor (after `key:` with no blank yet, a blank is added). */
export function valueInsert(ctx: CursorContext, value: string): string {
  return ctx.needsSpace ? ` ${value}` : value;
}

/** Sort keys that keep a list in the given order. */
export const orderKey = (index: number): string => String(index).padStart(4, '0');
