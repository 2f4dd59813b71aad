import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { blankLineIsInert } from '../../server/src/engine/document/blankLine';
import { complete, effectiveKopsVersion, parseFile, type CompletionEntry } from '../../server/src/engine';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

/** `text` with the marker line `<>` as a whitespace-only line, and the same text without that line. */
function withAndWithout(text: string): { blank: string; start: number; end: number; without: string } {
  const start = text.indexOf('<>');
  const end = start + 2;
  const blank = text.replace('<>', '  ');
  return { blank, start, end, without: text.slice(0, start) + text.slice(text.indexOf('\n', end) + 1) };
}

describe('blank lines', () => {
  const cases: Array<[string, string]> = [
    ['between entries', 'a: 1\n<>\nb: 2\n'],
    ['after a key without a value', 'a:\n<>\n  b: 2\n'],
    ['between list items', 'a:\n  - x\n<>\n  - y\n'],
    ['after a plain scalar', 'a: foo\n<>\nb: 1\n'],
    ['inside a multi-line plain scalar', 'a: foo\n<>\n  bar\nb: 1\n'],
    ['inside a double-quoted scalar', 'a: "foo\n<>\n  bar"\nb: 1\n'],
    ['inside a literal block scalar', 'a: |\n  x\n<>\n  y\nb: 1\n'],
    ['at the end of a kept block scalar', 'a: |+\n  x\n<>\nb: 1\n'],
    ['at the end of a folded block scalar', 'a: >+\n  x\n<>\n'],
    ['inside a flow sequence', 'a: [x,\n<>\n  y]\n'],
  ];
  for (const [where, marked] of cases) {
    it(`counts a blank line ${where} as inert exactly when the data stays the same without it`, () => {
      const { blank, start, end, without } = withAndWithout(marked);
      const [doc] = parseFile(blank).documents;
      const same = JSON.stringify(doc.yaml.toJS()) === JSON.stringify(parseFile(without).documents[0].yaml.toJS());
      assert.equal(blankLineIsInert(doc, start, end), same);
    });
  }
});

const scenarioRows = (text: string, cursor: number): Array<Pick<CompletionEntry, 'label' | 'documentation'>> => {
  const file = parseFile(text);
  return complete(file, file.lines.positionAt(cursor), effectiveKopsVersion(file, {}))
    .filter((i) => i.kind === 'snippet')
    .map(({ label, documentation }) => ({ label, documentation }));
};

describe('Cilium scenarios on an empty line', () => {
  for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'))) {
    it(`lists in samples/${name} what it lists once a name is typed on the line`, () => {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
      for (const anchor of [/^spec:[ \t]*$/m, /^( *)cilium:[ \t]*$/m]) {
        const m = anchor.exec(text);
        if (!m) continue;
        const indent = `${m[1] ?? ''}  `;
        const at = m.index + m[0].length + 1;
        const line = (typed: string) => `${text.slice(0, at)}${indent}${typed}\n${text.slice(at)}`;
        const cursor = at + indent.length;
        const typed = scenarioRows(line('kops-cil'), cursor + 'kops-cil'.length);
        assert.deepEqual(scenarioRows(line(''), cursor), typed, `${name}, under ${m[0].trim()}`);
        if (m[0].startsWith('spec')) assert.ok(typed.length, `${name}: scenarios offered under spec:`);
      }
    });
  }
});
