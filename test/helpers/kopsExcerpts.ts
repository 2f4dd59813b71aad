import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareReleases, type KopsSource } from '../../scripts/knowledge/kopsGit';

const FIXTURE = join(__dirname, '../fixtures/knowledge');

/** Per tag: its commit and the git blob of each full kops file the fixture holds an excerpt of. */
export type ExcerptSources = Record<string, { commit: string; files: Record<string, string> }>;
/** tag -> kops path -> excerpt text. */
export type ExcerptFiles = Map<string, Map<string, string>>;

export const excerptSources = JSON.parse(readFileSync(join(FIXTURE, 'sources.json'), 'utf8')) as ExcerptSources;

/** test/fixtures/knowledge/, read into memory; a fresh copy each call, to edit freely. */
export function excerptFiles(): ExcerptFiles {
  return new Map(
    Object.entries(excerptSources).map(([tag, { files }]) => [
      tag,
      new Map(Object.keys(files).map((path) => [path, readFileSync(join(FIXTURE, tag, path), 'utf8')])),
    ]),
  );
}

/** A KopsSource over excerpts in memory, with the commits and blobs of the files they were cut from. */
export function excerptKopsSource(files: ExcerptFiles = excerptFiles()): KopsSource {
  return {
    releases: () => [...files.keys()].sort(compareReleases),
    show: (tag, path) => files.get(tag)?.get(path),
    blob: (tag, path) => (files.get(tag)?.has(path) ? excerptSources[tag].files[path] : undefined),
    commit: (tag) => excerptSources[tag].commit,
  };
}
