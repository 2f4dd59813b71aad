import * as assert from 'node:assert/strict';
import { allCiliumFieldPaths, ciliumField } from '../../server/src/engine/kops/catalog/ciliumFields';
import { ciliumSupport } from '../../server/src/engine/kops/catalog/ciliumVersions';
import { commentedCiliumPaths, noEffectCommentAt, noEffectComments } from '../../server/src/engine/kops/catalog/ciliumComments';
import { before, namedRelease, NEWEST_KOPS, OLDEST_KOPS } from '../../server/src/engine/kops/releases';
import generatedReleases from '../../server/src/engine/kops/knowledge/generated/releases.json';

/** Every kops release tag the knowledge generator read, oldest first. */
const RELEASES = generatedReleases.releases.map((r) => ({ v: namedRelease(r.tag), defaultCilium: r.defaultCilium }));
const V1_23 = namedRelease('v1.23.0');
const PRE_1_23_SAYS = ['not implemented', 'deprecated', 'ignored'];

/** Keys the curated catalog says kops drops since v1.23.0. */
const deadSince123 = (): string[] => allCiliumFieldPaths().filter((p) => ciliumField(V1_23, p)?.deadSince === 'v1.23.0');

describe("kops' comments on Cilium keys (generated) agree with the curated catalog", () => {
  it('the generated releases run from the oldest to the newest kops we know', () => {
    assert.equal(RELEASES[0].v.text, OLDEST_KOPS);
    assert.equal(RELEASES[RELEASES.length - 1].v.text, NEWEST_KOPS);
  });

  it('every key dead since v1.23.0 is "unused" from v1.23.0 on and was said to do nothing in v1.22.6 or before', () => {
    const dead = deadSince123();
    assert.ok(dead.length > 40, `${dead.length} dead keys`);
    const mismatches = dead.filter((path) => {
      const unused = noEffectComments(path).find((c) => c.says === 'unused');
      const markedBefore = RELEASES.some(({ v }) => before(v, 'v1.22.7') && PRE_1_23_SAYS.includes(noEffectCommentAt(v, path)?.says ?? ''));
      return unused?.from !== 'v1.23.0' || unused.until !== undefined || !markedBefore;
    });
    assert.deepEqual(mismatches, []);
  });

  it('every key a kops comment calls "unused" is one the curated catalog marks dead since that release', () => {
    const mismatches = commentedCiliumPaths().flatMap((path) =>
      noEffectComments(path)
        .filter((c) => c.says === 'unused' && ciliumField(namedRelease(c.from), path)?.deadSince !== c.from)
        .map((c) => `${path} ${c.from}`),
    );
    assert.deepEqual(mismatches, []);
  });

  it('each commented key is a catalog key that exists wherever its comment applies', () => {
    const mismatches = RELEASES.flatMap(({ v }) =>
      commentedCiliumPaths()
        .filter((path) => noEffectCommentAt(v, path) && !ciliumField(v, path))
        .map((path) => `${path} ${v.text}`),
    );
    assert.deepEqual(mismatches, []);
  });

  it('the catalog carries a comment only where it says nothing itself: one definition per key and release', () => {
    for (const { v } of RELEASES) {
      for (const path of commentedCiliumPaths()) {
        const field = ciliumField(v, path);
        if (!field) continue;
        const curated = field.deadSince !== undefined || field.noEffectSince !== undefined;
        assert.equal(field.noEffectComment, curated ? undefined : noEffectCommentAt(v, path), `${path} ${v.text}`);
      }
    }
    assert.deepEqual(ciliumField(namedRelease('v1.22.6'), 'agentLabels')?.noEffectComment, {
      says: 'not implemented',
      from: 'v1.18.0',
      until: 'v1.23.0',
    });
    assert.equal(ciliumField(namedRelease('v1.22.6'), 'ipam')?.noEffectComment, undefined);
  });

  it('the default Cilium version of every release is the one the curated catalog gives', () => {
    const mismatches = RELEASES.filter(({ v, defaultCilium }) => ciliumSupport(v).defaultVersion !== defaultCilium).map(
      ({ v, defaultCilium }) => `${v.text}: generated ${defaultCilium}, curated ${ciliumSupport(v).defaultVersion}`,
    );
    assert.deepEqual(mismatches, []);
  });
});
