import { spawnSync } from 'node:child_process';

/** Read access to a kubernetes/kops git clone or bare mirror: release tags and files at a tag. */
export interface KopsSource {
  /** Final release tags (no alpha, beta or rc) from v1.18.0 on, oldest first. */
  releases(): string[];
  /** The file's text at the tag, or undefined when the tag lacks the file. */
  show(tag: string, path: string): string | undefined;
  /** The file's git blob id at the tag, or undefined when the tag lacks the file. */
  blob(tag: string, path: string): string | undefined;
  commit(tag: string): string;
}

const RELEASE_TAG = /^v1\.(1[89]|[2-9]\d)\.\d+$/;

export function compareReleases(a: string, b: string): number {
  const [x, y] = [a, b].map((t) => t.slice(1).split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function gitKopsSource(gitDir: string): KopsSource {
  const run = (args: string[]): { ok: boolean; out: string } => {
    const r = spawnSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    return { ok: r.status === 0, out: r.stdout };
  };
  const must = (args: string[]): string => {
    const r = run(args);
    if (!r.ok) throw new Error(`git ${args.join(' ')} failed in ${gitDir}: is it a kubernetes/kops clone?`);
    return r.out;
  };
  const exists = (tag: string, path: string): boolean => run(['cat-file', '-e', `${tag}:${path}`]).ok;
  return {
    releases: () =>
      must(['tag', '--list', 'v1.*'])
        .split('\n')
        .filter((t) => RELEASE_TAG.test(t))
        .sort(compareReleases),
    show: (tag, path) => (exists(tag, path) ? must(['show', `${tag}:${path}`]) : undefined),
    blob: (tag, path) => (exists(tag, path) ? must(['rev-parse', `${tag}:${path}`]).trim() : undefined),
    commit: (tag) => must(['rev-list', '-n', '1', tag]).trim(),
  };
}
