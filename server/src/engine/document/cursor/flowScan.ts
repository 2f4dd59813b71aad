import type { PathSegment } from '../../types';

/** Where a cursor sits inside a flow collection (`{a: 1, b: [x]}`), from text alone. */
export interface FlowCursor {
  /** Path segments below the collection's owner down to the map or sequence holding the cursor. */
  segs: PathSegment[];
  container: 'map' | 'seq';
  mode: 'key' | 'value';
  /** The key whose value is being typed (map value mode). */
  key?: string;
  /** [start, end) offsets of the text the completion replaces; the prefix is start..cursor. */
  start: number;
  end: number;
  /** A `:` already follows the key under the cursor. */
  keyOnly: boolean;
  existingKeys: string[];
}

interface Token {
  type: string;
  start: number;
  end: number;
  text: string;
  quoted: boolean;
  closed: boolean;
}

interface FlowFrame {
  kind: 'map' | 'seq';
  seg: PathSegment | undefined;
  keys: string[];
  state: 'key' | 'value';
  pending?: Token;
  currentKey?: string;
  index: number;
}

const STOP = /[,[\]{}]/;

function quotedEnd(text: string, i: number): { end: number; closed: boolean } {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return { end: j + 1, closed: true };
    }
  }
  return { end: text.length, closed: false };
}

function plainEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const ch = text[j];
    if (STOP.test(ch) || ch === '\n' || ch === '\r') break;
    if (ch === ':' && (j + 1 >= limit || /[\s,[\]{}]/.test(text[j + 1]))) break;
    if (ch === '#' && /\s/.test(text[j - 1])) break;
    j++;
  }
  while (j > i && /[ \t]/.test(text[j - 1])) j--;
  return j;
}

/** Tokens of the flow collection opening at `start`, up to its matching close or `limit`. */
function tokenize(text: string, start: number, limit: number): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = start;
  while (i < limit) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#' && (i === start || /\s/.test(text[i - 1]))) {
      while (i < limit && text[i] !== '\n') i++;
      continue;
    }
    if ('{}[],:'.includes(ch)) {
      tokens.push({ type: ch, start: i, end: i + 1, text: ch, quoted: false, closed: true });
      if (ch === '{' || ch === '[') depth++;
      if ((ch === '}' || ch === ']') && --depth === 0) break;
      i++;
      continue;
    }
    const q = ch === '"' || ch === "'" ? quotedEnd(text, i) : undefined;
    const end = q ? Math.min(q.end, limit) : Math.max(plainEnd(text, i, limit), i + 1);
    tokens.push({ type: 'scalar', start: i, end, text: text.slice(i, end), quoted: !!q, closed: q?.closed ?? true });
    i = end;
  }
  return tokens;
}

function unquoteToken(t: Token): string {
  if (!t.quoted) return t.text;
  const inner = t.text.slice(1, t.closed ? -1 : undefined);
  return t.text.startsWith('"') ? inner.replace(/\\(.)/g, '$1') : inner.replace(/''/g, "'");
}

/**
 * Reads the flow collection opening at offset `start` of `text` and places `cursor` in it.
 * Undefined when the cursor is outside the collection.
 */
export function flowCursor(text: string, start: number, cursor: number, limit = text.length): FlowCursor | undefined {
  const tokens = tokenize(text, start, limit);
  const stack: FlowFrame[] = [];
  let hit: { frame: FlowFrame; segs: PathSegment[]; token?: Token; keyOnly: boolean; mode: 'key' | 'value'; key?: string } | undefined;

  const keyDone = (frame: FlowFrame): void => {
    const p = frame.pending;
    if (p && p !== hit?.token) frame.keys.push(unquoteToken(p));
    frame.pending = undefined;
  };

  for (let n = 0; n <= tokens.length; n++) {
    const tok = tokens[n] as Token | undefined;
    if (!hit && stack.length && (!tok || tok.start >= cursor || (tok.type === 'scalar' && cursor <= tok.end))) {
      const frame = stack[stack.length - 1];
      const inToken = tok?.type === 'scalar' && tok.start <= cursor;
      const after = inToken ? tokens[n + 1] : tok;
      const mode = frame.kind === 'map' && frame.state === 'key' ? 'key' : 'value';
      hit = {
        frame,
        segs: stack.slice(1).map((f) => f.seg as PathSegment),
        token: inToken ? tok : undefined,
        mode,
        key: frame.kind === 'map' && mode === 'value' ? frame.currentKey : undefined,
        keyOnly: mode === 'key' && after?.type === ':',
      };
    }
    if (!tok) break;
    const top = stack[stack.length - 1];
    if (tok.type === '{' || tok.type === '[') {
      const seg = !top ? undefined : top.kind === 'seq' ? top.index : top.currentKey;
      stack.push({ kind: tok.type === '{' ? 'map' : 'seq', seg, keys: [], state: 'key', index: 0 });
    } else if (tok.type === '}' || tok.type === ']') {
      if (top?.kind === 'map' && top.state === 'key') keyDone(top);
      stack.pop();
      if (hit && top === hit.frame) break;
      if (!stack.length) break;
    } else if (!top) {
      break;
    } else if (tok.type === ',') {
      if (top.kind === 'seq') top.index++;
      else if (top.state === 'key') keyDone(top);
      top.state = 'key';
    } else if (tok.type === ':' && top.kind === 'map' && top.state === 'key') {
      top.currentKey = top.pending ? unquoteToken(top.pending) : '';
      keyDone(top);
      top.state = 'value';
    } else if (tok.type === 'scalar' && top.kind === 'map' && top.state === 'key') {
      top.pending = tok;
    }
  }
  if (!hit) return undefined;
  const { frame, token, mode, key } = hit;
  const quoted = token?.quoted ? 1 : 0;
  return {
    segs: hit.segs,
    container: frame.kind,
    mode,
    key,
    start: token ? token.start + quoted : cursor,
    end: token ? token.end - (token.closed ? quoted : 0) : cursor,
    keyOnly: hit.keyOnly,
    existingKeys: frame.keys.filter((k) => k !== key),
  };
}
