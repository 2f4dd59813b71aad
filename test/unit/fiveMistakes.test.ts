import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { diagnose, effectiveKopsVersion, parseFile } from '../../server/src/engine';

const TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'five-mistakes', 'cluster.yaml'), 'utf8');
const LINES = TEXT.split('\n');
/** The line of the n-th (from 0) line of the file holding `text`, from `after` on. */
const lineOf = (text: string, after = 0): number => LINES.findIndex((l, i) => i >= after && l.includes(text));

describe('the five mistakes of a new kops user are errors on their own lines (issue 13)', () => {
  const file = parseFile(TEXT);
  const errors = diagnose(file, effectiveKopsVersion(file, {})).filter((f) => f.severity === 'error');
  const errorLines = errors.map((f) => f.range.start.line);
  const nodes = lineOf('name: nodes');
  const cases: Array<[string, number]> = [
    ['a load balancer type kops does not know', lineOf('type: Publik')],
    ['a subnet CIDR outside networkCIDR', lineOf('cidr: 10.99.0.0/19')],
    ['two subnets with the same name', lineOf('name: us-east-1a', lineOf('cidr: 172.20.64.0/19'))],
    ['an InstanceGroup with maxSize below minSize', lineOf('maxSize: 1', nodes)],
    ['an InstanceGroup naming a subnet the cluster lacks', lineOf('- us-east-1c', nodes)],
  ];
  for (const [what, line] of cases) {
    it(`${what} (line ${line + 1})`, () => {
      assert.ok(line > 0);
      assert.ok(errorLines.includes(line), errors.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.path} ${f.message}`).join('\n'));
    });
  }

  it('and nothing else is an error', () => {
    assert.deepEqual(
      errors.filter((f) => !cases.some(([, line]) => f.range.start.line === line)).map((f) => `${f.code} ${f.path}`),
      [],
    );
  });
});
