import { strict as assert } from 'assert';
import { parseFile } from '../../server/src/engine/document/documents';
import { boolAt, stringAt } from '../../server/src/engine/kops/goValues';

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
