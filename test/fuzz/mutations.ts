import fc from 'fast-check';
import { readFileSync } from 'fs';
import { resolve } from 'path';

/**
 * Text mutations of a YAML spec, as plain data so fast-check can print and shrink them. Every number is
 * reduced modulo the text it applies to, so a mutation never fails to apply.
 */
export type Mutation =
  | { kind: 'deleteLines'; at: number; count: number }
  | { kind: 'duplicateLines'; at: number; count: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'reindent'; at: number; delta: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'insertLine'; at: number; text: string }
  | { kind: 'replaceValue'; at: number; value: string }
  | { kind: 'tagValue'; at: number; tag: string }
  | { kind: 'duplicateKey'; at: number; value: string }
  | { kind: 'anchorAlias'; from: number; to: number; name: string }
  | { kind: 'deepNesting'; at: number; open: string; depth: number }
  | { kind: 'hugeScalar'; at: number; length: number; style: 'plain' | 'quoted' | 'block' }
  | { kind: 'ciliumKey'; key: string; value: string; indent: number }
  | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'bom'; at: number };

const SPECIAL = [
  '\t',
  ':',
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>',
  '?',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '\\',
  '\r',
  '\r\n',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u00e9',
  '\u{1F600}',
  'e\u0301',
  '\u200b',
];

const VALUES = [
  'true',
  'false',
  'yes',
  'off',
  '~',
  'null',
  '0',
  '-1',
  '255',
  '256',
  '1.5e3',
  '0x1F',
  '0o17',
  '.inf',
  '.nan',
  '""',
  "''",
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '|',
  '>-',
  '- x',
  '!!binary aGVsbG8=',
  '2001-12-14t21:59:43.10-05:00',
  'v1.15.0',
  'v1.18.6',
  '1.16.4',
  'eni',
  'kubernetes',
  'vxlan',
  'geneve',
  'disabled',
  'ipsec',
  'wireguard',
  'crd',
  'kvstore',
  'always',
  'never',
  'maglev',
  'random',
  '100.64.0.0/10',
  '10.0.0.0/8',
  '::/0',
  '"unterminated',
  '&x a',
  '*x',
];

const TAGS = [
  '!!str',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!map',
  '!!seq',
  '!!binary',
  '!!set',
  '!!omap',
  '!!timestamp',
  '!foo',
  '!<tag:yaml.org,2002:str>',
  '!!merge',
];

const LINES = [
  '---',
  '--- # next',
  '--- x',
  '...',
  '... # end',
  '%YAML 1.1',
  '%YAML 1.2',
  '%TAG !e! tag:example.com,2000:',
  '---\n...',
  '# kops-version: v1.19.0',
  '# kops-version: v1.25.3',
  '# kops-version: v1.36.2',
  '# kops-version: v1.99.0',
  '# kops-version: banana',
  'apiVersion: kops.k8s.io/v1alpha3',
  'kind: InstanceGroup',
  'kind: Cluster',
  '<<: *x',
  '? complex key',
  ': value',
  '- item',
  'networking:',
  '  cilium:',
  '    ipam: eni',
  '    enableNodePort: true',
  '  kubeProxy:',
  '    enabled: true',
  '\t- tab',
  'key: &x [*x]',
];

const CILIUM_KEYS: string[] = (() => {
  const catalog = resolve(__dirname, '../../server/src/engine/kops/catalog/generated/ciliumFields.json');
  const fields = JSON.parse(readFileSync(catalog, 'utf8')).fields as Array<{ path: string; v1alpha3?: string }>;
  return [...new Set(fields.flatMap((f) => [f.path, f.v1alpha3 ?? f.path]))];
})();

const unicodeText = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), { minLength: 1, maxLength: 8 }).map((points) => String.fromCodePoint(...points)),
  fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
);

const pos = fc.nat();

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLines' as const), at: pos, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicateLines' as const), at: pos, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: pos, b: pos }),
  fc.record({ kind: fc.constant('truncate' as const), at: pos }),
  fc.record({ kind: fc.constant('reindent' as const), at: pos, delta: fc.integer({ min: -8, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: pos, text: unicodeText }),
  fc.record({ kind: fc.constant('insertLine' as const), at: pos, text: fc.oneof(fc.constantFrom(...LINES), unicodeText) }),
  fc.record({ kind: fc.constant('replaceValue' as const), at: pos, value: fc.oneof(fc.constantFrom(...VALUES), unicodeText) }),
  fc.record({ kind: fc.constant('tagValue' as const), at: pos, tag: fc.constantFrom(...TAGS) }),
  fc.record({ kind: fc.constant('duplicateKey' as const), at: pos, value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('anchorAlias' as const), from: pos, to: pos, name: fc.constantFrom('a', 'x', 'long-anchor', 'a', '') }),
  fc.record({
    kind: fc.constant('deepNesting' as const),
    at: pos,
    open: fc.constantFrom('[', '{', '{a: ', '- ', '- - ', 'k:\n'),
    depth: fc.integer({ min: 2, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('hugeScalar' as const),
    at: pos,
    length: fc.integer({ min: 1_000, max: 200_000 }),
    style: fc.constantFrom('plain' as const, 'quoted' as const, 'block' as const),
  }),
  fc.record({
    kind: fc.constant('ciliumKey' as const),
    key: fc.constantFrom(...CILIUM_KEYS),
    value: fc.constantFrom(...VALUES),
    indent: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({ kind: fc.constant('lineEndings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('bom' as const), at: fc.oneof(fc.constant(0), pos) }),
);

/** Splits keeping each line's terminator, so joining gives the text back. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function onLine(text: string, at: number, edit: (line: string) => string): string {
  const lines = linesOf(text);
  if (!lines.length) return edit('');
  const i = at % lines.length;
  lines[i] = edit(lines[i]);
  return lines.join('');
}

const KEY_LINE = /^(\s*(?:- )?)([^\s#:][^:#]*?):(?=\s|$)( *)([^\r\n]*)(\r?\n?)$/;

/** The index of a `key: ...` line at or after `at` (wrapping), or -1. */
function keyLineAt(lines: string[], at: number): number {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (KEY_LINE.test(lines[i])) return i;
  }
  return -1;
}

function withKeyLine(text: string, at: number, edit: (m: RegExpExecArray, lines: string[], i: number) => void): string {
  const lines = linesOf(text);
  const i = keyLineAt(lines, at);
  if (i < 0) return text;
  edit(KEY_LINE.exec(lines[i])!, lines, i);
  return lines.join('');
}

function hugeScalar(length: number, style: 'plain' | 'quoted' | 'block'): string {
  const body = 'abcdefghij'.repeat(Math.ceil(length / 10)).slice(0, length);
  if (style === 'quoted') return `"${body}"`;
  if (style === 'block')
    return `|\n${body
      .match(/.{1,80}/g)!
      .map((l) => `      ${l}`)
      .join('\n')}`;
  return body;
}

function nesting(open: string, depth: number): string {
  if (open === '- - ') return `${'- '.repeat(depth * 10)}x`;
  if (open === '- ') return Array.from({ length: depth }, (_, i) => ' '.repeat(i * 2) + '- ').join('\n') + 'x';
  if (open === 'k:\n') return '\n' + Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1';
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + close.repeat(depth);
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = linesOf(text);
  const n = Math.max(1, lines.length);
  switch (m.kind) {
    case 'deleteLines':
      lines.splice(m.at % n, m.count);
      return lines.join('');
    case 'duplicateLines': {
      const i = m.at % n;
      lines.splice(i, 0, ...lines.slice(i, i + m.count));
      return lines.join('');
    }
    case 'swapLines': {
      if (lines.length < 2) return text;
      const [a, b] = [m.a % n, m.b % n];
      const [la, lb] = [lines[a].replace(/\n$/, ''), lines[b].replace(/\n$/, '')];
      lines[a] = lb + (lines[a].endsWith('\n') ? '\n' : '');
      lines[b] = la + (lines[b].endsWith('\n') ? '\n' : '');
      return lines.join('');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'reindent':
      return onLine(text, m.at, (l) => (m.delta >= 0 ? ' '.repeat(m.delta) + l : l.replace(new RegExp(`^ {0,${-m.delta}}`), '')));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'insertLine': {
      lines.splice(m.at % (lines.length + 1), 0, `${m.text}\n`);
      return lines.join('');
    }
    case 'replaceValue':
      return withKeyLine(text, m.at, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: ${m.value}${k[5]}`;
      });
    case 'tagValue':
      return withKeyLine(text, m.at, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: ${m.tag} ${k[4]}${k[5]}`;
      });
    case 'duplicateKey':
      return withKeyLine(text, m.at, (k, ls, i) => {
        const indent = k[1].replace('- ', '  ');
        ls.splice(i + 1, 0, `${indent}${k[2]}: ${m.value}${k[5] || '\n'}`);
      });
    case 'anchorAlias': {
      const withAnchor = withKeyLine(text, m.from, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: &${m.name} ${k[4]}${k[5]}`;
      });
      return withKeyLine(withAnchor, m.to, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: *${m.name}${k[5]}`;
      });
    }
    case 'deepNesting':
      return withKeyLine(text, m.at, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: ${nesting(m.open, m.depth)}${k[5] || '\n'}`;
      });
    case 'hugeScalar':
      return withKeyLine(text, m.at, (k, ls, i) => {
        ls[i] = `${k[1]}${k[2]}: ${hugeScalar(m.length, m.style)}${k[5] || '\n'}`;
      });
    case 'ciliumKey': {
      const at = /^( *)cilium:[^\n]*\n/m.exec(text);
      const line = `${' '.repeat(m.indent)}${m.key}: ${m.value}\n`;
      if (!at) return text + line;
      const end = at.index + at[0].length;
      return text.slice(0, end) + line + text.slice(end);
    }
    case 'lineEndings':
      if (m.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.style === 'cr') return text.replace(/\r?\n/g, '\r');
      return lines.map((l, i) => (i % 2 ? l.replace(/\n$/, '\r\n') : l)).join('');
    case 'bom': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + '\ufeff' + text.slice(at);
    }
  }
}
