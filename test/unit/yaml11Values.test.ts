import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { boolAt, intAt, intOrStringAt, stringAt, stringPointerAt } from '../../server/src/engine/kops/goValues';

describe('YAML 1.1 values as kops decodes them', () => {
  const [doc] = parseFile('plain: yes\noff: Off\ntagged: !!str yes\nquoted: "no"\n').documents;

  it('an unquoted, untagged yes/no/on/off is a boolean, not a string', () => {
    assert.equal(boolAt(doc, ['plain']), true);
    assert.equal(stringAt(doc, ['plain']), undefined);
    assert.equal(boolAt(doc, ['off']), false);
  });

  it("a `!!str` tag or quotes keep it a string, as in kops' YAML reader", () => {
    assert.equal(boolAt(doc, ['tagged']), undefined);
    assert.equal(stringAt(doc, ['tagged']), 'yes');
    assert.equal(boolAt(doc, ['quoted']), undefined);
    assert.equal(stringAt(doc, ['quoted']), 'no');
  });
});

describe('integers and IntOrString as kops decodes them', () => {
  const [doc] = parseFile(
    'octal: 010\nhex: 0x1F\nseparated: 1_000\nwhole: 2.0\nfraction: 1.5\nquoted: "3"\nbig: 3000000000\npercent: 10%\nempty: ""\nnothing:\n',
  ).documents;

  it('reads unquoted integers with YAML 1.1 rules (010 is octal 8) and keeps int32 in range', () => {
    assert.equal(intAt(doc, ['octal']), 8);
    assert.equal(intAt(doc, ['hex']), 31);
    assert.equal(intAt(doc, ['separated']), 1000);
    assert.equal(intAt(doc, ['whole']), 2);
    assert.equal(intAt(doc, ['fraction']), undefined);
    assert.equal(intAt(doc, ['quoted']), undefined, 'a quoted number is a string: the document does not decode');
    assert.equal(intAt(doc, ['big']), undefined);
    assert.equal(intAt(doc, ['big'], 64), 3000000000);
  });

  it('tells an int from a string in an IntOrString, and refuses what does not decode', () => {
    assert.deepEqual(intOrStringAt(doc, ['hex']), { int: 31 });
    assert.deepEqual(intOrStringAt(doc, ['quoted']), { str: '3' });
    assert.deepEqual(intOrStringAt(doc, ['percent']), { str: '10%' });
    assert.equal(intOrStringAt(doc, ['fraction']), undefined);
  });

  it('keeps an explicit empty string apart from an unset or null value', () => {
    assert.equal(stringPointerAt(doc, ['empty']), '');
    assert.equal(stringPointerAt(doc, ['nothing']), undefined);
    assert.equal(stringPointerAt(doc, ['missing']), undefined);
  });
});
