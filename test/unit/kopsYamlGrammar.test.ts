import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isTemplated } from '../../server/src/engine/document/templates';

describe('kops YAML injection grammar', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'syntaxes', 'kops-yaml.injection.json'), 'utf8'));
  const versionComment = new RegExp(grammar.repository['kops-version-comment'].match);
  const template = grammar.repository['go-template'];

  it('is injected into YAML', () => {
    assert.equal(grammar.scopeName, 'kops-yaml.injection');
    assert.match(grammar.injectionSelector, /^L:source\.yaml\b/);
  });

  it('captures the parts of the # kops-version: comment', () => {
    const m = versionComment.exec('# kops-version: v1.30.2')!;
    assert.deepEqual([m[2], m[4], m[5]], ['kops-version', 'v1.30.2', '']);
    assert.equal(versionComment.exec('# kops-version: v1.30')![5], 'v1.30', 'a malformed version is marked');
    assert.equal(versionComment.exec('# kops-version: v1.30.2 extra')![5], 'v1.30.2 extra');
    assert.equal(versionComment.exec('name: x # kops-version: v1.30.2'), null, 'only a whole-line comment counts, as for the engine');
    assert.equal(versionComment.exec('  # kops-version: v1.30.2'), null);
  });

  it('delimits Go-template expressions, trim markers included', () => {
    const begin = new RegExp(template.begin);
    const end = new RegExp(template.end);
    assert.equal(begin.exec('name: {{- .clusterName }}')![0], '{{-');
    assert.equal(end.exec('.clusterName -}}')![0], '-}}');
    for (const rule of template.patterns) assert.doesNotThrow(() => new RegExp(rule.match), rule.name);
  });
});

describe('templated values', () => {
  it('recognises Go-template expressions', () => {
    assert.equal(isTemplated('{{ .ciliumVersion }}'), true);
    assert.equal(isTemplated('v{{.k8s}}.0'), true);
    assert.equal(isTemplated('{{- if .nodePort }}'), true);
    assert.equal(isTemplated('v1.18.6'), false);
    assert.equal(isTemplated('{ a: 1 }'), false);
    assert.equal(isTemplated('{{ unterminated'), false);
  });
});
