// Copies a fixed sample of kops' own integration-test specs at six releases into test/fixtures/kops/integration/.
// Usage: npm run gen:kops-specs -- --kops <kubernetes/kops git clone or bare mirror>
// Each copy starts with `# kops-version: <tag>` (the file's release for kops-spec) and its provenance; the folder also
// gets manifest.json and the Apache-2.0 notice. Reruns give identical files.
import { execFileSync } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

const TAGS = ['v1.18.3', 'v1.22.6', 'v1.26.6', 'v1.30.4', 'v1.33.2', 'v1.36.2'];
const KINDS = { update_cluster: 'in-v1alpha2.yaml', create_cluster: 'expected-v1alpha2.yaml' } as const;
type Kind = keyof typeof KINDS;
const MAX_PER_TAG = 15;

interface Candidate {
  kind: Kind;
  dir: string;
}
/**
 * What the sample covers after every Cilium spec, in priority order: the first candidate (update_cluster before
 * create_cluster, then by name) that matches. A topic a spec already picked covers is skipped.
 */
const TOPICS: Array<{ topic: string; kind?: Kind; dir: RegExp }> = [
  { topic: 'minimal', kind: 'update_cluster', dir: /^minimal(-aws)?$/ },
  { topic: 'complex', kind: 'update_cluster', dir: /^complex$/ },
  { topic: 'created private', kind: 'create_cluster', dir: /^private$/ },
  { topic: 'ha', dir: /^ha$/ },
  { topic: 'gce', dir: /gce/ },
  { topic: 'digitalocean', dir: /^(do|digit)/ },
  { topic: 'openstack', dir: /openstack/ },
  { topic: 'hetzner', dir: /hetzner/ },
  { topic: 'scaleway', dir: /scaleway/ },
  { topic: 'ipv6', dir: /ipv6/ },
];

const NOTICE = `The YAML files below this folder are copies of integration-test specs of kops
(https://github.com/kubernetes/kops), Copyright The Kubernetes Authors, licensed under the
Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0; the text is in this
repository's LICENSE file). Each copy keeps the original content unchanged after two comment lines
added by scripts/copy-kops-specs.ts: the kops release it belongs to and its source (kops tag, path,
git blob). manifest.json lists the same provenance for every file.
`;

function option(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? undefined : process.argv[i + 1];
  if (!value) throw new Error(`usage: npm run gen:kops-specs -- --${name} <kubernetes/kops git clone or mirror>`);
  return value;
}

const git = (repo: string, args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

function candidates(repo: string, tag: string): Candidate[] {
  const out: Candidate[] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const listing = git(repo, ['ls-tree', '-d', '--name-only', `${tag}:tests/integration/${kind}`])
      .split('\n')
      .filter(Boolean);
    const files = new Set(git(repo, ['ls-tree', '-r', '--name-only', `${tag}:tests/integration/${kind}`]).split('\n'));
    for (const dir of listing.sort()) if (files.has(`${dir}/${KINDS[kind]}`)) out.push({ kind, dir });
  }
  return out;
}

/** Every Cilium spec, then one spec per topic not yet covered, up to MAX_PER_TAG. */
function sample(all: Candidate[]): Array<Candidate & { picked: string }> {
  const picked = all.filter((c) => c.dir.includes('cilium')).map((c) => ({ ...c, picked: 'cilium' }));
  for (const t of TOPICS) {
    const fits = (c: Candidate): boolean => (t.kind === undefined || c.kind === t.kind) && t.dir.test(c.dir);
    if (picked.length >= MAX_PER_TAG || picked.some(fits)) continue;
    const next = all.find(fits);
    if (next) picked.push({ ...next, picked: t.topic });
  }
  return picked;
}

function main(): void {
  const repo = resolve(option('kops'));
  const outDir = join(__dirname, '..', 'test', 'fixtures', 'kops', 'integration');
  rmSync(outDir, { recursive: true, force: true });
  const manifest: object[] = [];
  for (const tag of TAGS) {
    mkdirSync(join(outDir, tag), { recursive: true });
    for (const c of sample(candidates(repo, tag))) {
      const path = `tests/integration/${c.kind}/${c.dir}/${KINDS[c.kind]}`;
      const blob = git(repo, ['rev-parse', `${tag}:${path}`]).trim();
      const file = `${tag}/${c.kind}-${c.dir}.yaml`;
      const header = `# kops-version: ${tag}\n# source: kubernetes/kops ${tag} ${path} (git blob ${blob}), Apache-2.0\n`;
      writeFileSync(join(outDir, file), header + git(repo, ['cat-file', 'blob', blob]));
      manifest.push({ file, tag, path, gitBlob: blob, picked: c.picked });
    }
  }
  const about = { generatedBy: 'scripts/copy-kops-specs.ts', repo: 'kubernetes/kops', license: 'Apache-2.0', tags: TAGS };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ ...about, files: manifest }, null, 1)}\n`);
  writeFileSync(join(outDir, 'NOTICE'), NOTICE);
  console.log(`copy-kops-specs: ${manifest.length} specs at ${TAGS.length} kops releases -> ${outDir}`);
}

main();
