import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ciliumScenarioSnippets, snippetFile, type ScenarioSnippet } from '../../scripts/ciliumSnippets';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import { newestKops, parseKopsVersion, type KopsVersion } from '../../server/src/engine/kops/releases';
import { isTemplated } from '../../server/src/engine/document/templates';
import { kopsHeader } from '../helpers/kopsText';

const SNIPPET_FILE = path.join(__dirname, '..', '..', 'snippets', 'kops-cilium.json');

/** What VS Code inserts when the user accepts every default: `${1:a}` → a, `${1|x,y|}` → x, `$0` → nothing. */
function expandSnippet(body: readonly string[], indent: string): string {
  return body
    .map((line) =>
      line
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\d+/g, ''),
    )
    .map((line) => indent + line)
    .join('\n');
}

/** A Cluster as `kops create cluster` would start it (with a Kubernetes version the release runs), minus what the scenarios add. */
const fresh = (v: KopsVersion, inserted: string) => `# kops-version: ${v.text}
${kopsHeader('Cluster', 'demo.example.com')}spec:
  cloudProvider: aws
  kubernetesVersion: ${v.major}.${Math.min(v.minor, 35)}.0
${inserted}
`;

function findingsAfterExpanding(snippet: ScenarioSnippet, v: KopsVersion): string[] {
  const text = fresh(v, expandSnippet(snippet.body, '  '));
  const file = parseFile(text);
  return diagnose(file, effectiveKopsVersion(file, {})).map((f) => `${f.severity} ${f.code} ${f.path}: ${f.message}`);
}

const version = (text: string): KopsVersion => {
  const parsed = parseKopsVersion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.version;
};

describe('Cilium scenario snippets', () => {
  it('snippets/kops-cilium.json holds the snippets for the newest kops', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(SNIPPET_FILE, 'utf8')), snippetFile(newestKops()));
  });

  it('covers every scenario of the kops Cilium guide', () => {
    assert.deepEqual(
      ciliumScenarioSnippets(newestKops()).map((s) => s.prefix),
      [
        'kops-cilium',
        'kops-cilium-etcd',
        'kops-cilium-eni',
        'kops-cilium-nodeport',
        'kops-cilium-ipsec',
        'kops-cilium-wireguard',
        'kops-cilium-hubble',
      ],
    );
  });

  for (const snippet of ciliumScenarioSnippets(newestKops())) {
    it(`${snippet.prefix} expands to a spec with no diagnostics on the newest kops`, () => {
      assert.deepEqual(findingsAfterExpanding(snippet, newestKops()), []);
    });
  }

  for (const older of ['v1.19.0', 'v1.21.0', 'v1.25.0', 'v1.30.0']) {
    it(`the ${older} variants expand to specs kops ${older} accepts`, () => {
      for (const snippet of ciliumScenarioSnippets(version(older))) {
        const errors = findingsAfterExpanding(snippet, version(older)).filter((f) => f.startsWith('error'));
        assert.deepEqual(errors, [], snippet.prefix);
      }
    });
  }

  it('gets the ENI masquerade setting right per kops release', () => {
    const eni = (v: string) =>
      ciliumScenarioSnippets(version(v))
        .find((s) => s.prefix === 'kops-cilium-eni')!
        .body.join('\n');
    assert.match(eni('v1.21.0'), /disableMasquerade: true/);
    assert.doesNotMatch(eni('v1.30.0'), /Masquerade/);
    assert.doesNotMatch(eni('v1.36.2'), /Masquerade/);
  });

  it('offers WireGuard only where kops has it, without the L7 proxy where kops forbids both', () => {
    const wireguard = (v: string) => ciliumScenarioSnippets(version(v)).find((s) => s.prefix === 'kops-cilium-wireguard');
    assert.equal(wireguard('v1.21.0'), undefined);
    assert.match(wireguard('v1.25.0')!.body.join('\n'), /enableL7Proxy: false/);
    assert.doesNotMatch(wireguard('v1.30.0')!.body.join('\n'), /enableL7Proxy/);
  });
});

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
