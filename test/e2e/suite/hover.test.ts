import * as assert from 'assert';
import { hoverMarkdown, inside, openFixture } from './helpers';

suite('hover', () => {
  test("enableNodePort links the docs of the spec's Cilium minor (version v1.15.6 → /en/v1.15/)", async () => {
    const doc = await openFixture('v130-hover.yaml');
    const markdown = await hoverMarkdown(doc, inside(doc, 'enableNodePort'));
    assert.match(markdown, /https:\/\/docs\.cilium\.io\/en\/v1\.15\/\S+/, markdown || '(no hover)');
  });
});
