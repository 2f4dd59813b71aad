// Regenerates what kops-spec knows of kops from kops' own source, at every release tag from v1.18.0 on:
//   npm run gen:knowledge -- --kops <path to a kubernetes/kops git clone or bare mirror>
// Writes server/src/engine/kops/knowledge/generated/ (bundled) and knowledge/kops-provenance.json (not shipped).
// Deterministic: a second run over the same clone changes nothing. See knowledge/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
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

function write(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${readableJson(value)}\n`);
  console.log(`wrote ${path.slice(repo.length + 1)}`);
}

write(join(outDir, 'releases.json'), { ...header, releases: knowledge.releases });
for (const { kind, file, crd } of KINDS) write(join(outDir, `${file}.json`), { ...header, kind, crd, schema: knowledge.schemas[file] });
write(join(outDir, 'ciliumComments.json'), { ...header, fields: knowledge.ciliumComments });
write(join(repo, 'knowledge/kops-provenance.json'), knowledge.provenance);
