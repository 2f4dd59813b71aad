// Regenerates what kops-spec knows of kops from kops' own source, at every release tag from v1.18.0 on:
//   npm run gen:knowledge -- --kops <path to a kubernetes/kops git clone or bare mirror>
// Writes server/src/engine/kops/knowledge/generated/ (bundled), knowledge/kops-provenance.json (not shipped) and
// the newest release as the kopsSpec.kopsVersion default in package.json.
// Deterministic: a second run over the same clone changes nothing. See knowledge/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gitKopsSource } from './knowledge/kopsGit';
import { buildKnowledge, KINDS } from './knowledge/knowledgeBuild';
import { readableJson } from './knowledge/readableJson';

const repo = resolve(__dirname, '..');
const at = process.argv.indexOf('--kops');
if (at < 0 || !process.argv[at + 1]) {
  console.error('usage: npm run gen:knowledge -- --kops <path to a kubernetes/kops git clone>');
  process.exit(2);
}
const knowledge = buildKnowledge(gitKopsSource(resolve(process.argv[at + 1])));
const outDir = join(repo, 'server/src/engine/kops/knowledge/generated');
const header = { generatedBy: 'scripts/gen-knowledge.ts', from: 'kubernetes/kops release tags; see knowledge/kops-provenance.json' };

function write(path: string, value: unknown, format: (value: unknown) => string = readableJson): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${format(value)}\n`);
  console.log(`wrote ${path.slice(repo.length + 1)}`);
}

write(join(outDir, 'releases.json'), { ...header, releases: knowledge.releases });
for (const { kind, file, crd } of KINDS) write(join(outDir, `${file}.json`), { ...header, kind, crd, schema: knowledge.schemas[file] });
write(join(outDir, 'ciliumComments.json'), { ...header, fields: knowledge.ciliumComments });
write(join(repo, 'knowledge/kops-provenance.json'), knowledge.provenance);

// The setting's default is the newest release (test/unit/releases.test.ts holds them together).
const packagePath = join(repo, 'package.json');
const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: string; markdownDescription?: string }> } };
};
const setting = pkg.contributes.configuration.properties['kopsSpec.kopsVersion'];
const newest = knowledge.releases[knowledge.releases.length - 1].tag;
const newestLine = `v${newest.slice(1).split('.').slice(0, 2).join('.')}.x`;
setting.default = newest;
setting.markdownDescription =
  `kops release the specs are checked against (\`${knowledge.releases[0].tag}\` to \`${newestLine}\`; default: the newest kops ` +
  `this extension knows, ${newest}). A \`# kops-version: vX.Y.Z\` comment line in a file overrides it for that file.`;
write(packagePath, pkg, (value) => JSON.stringify(value, null, 2));
