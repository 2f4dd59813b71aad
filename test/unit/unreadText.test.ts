import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseFile } from '../../server/src/engine/document/documents';
import { hasUnreadText } from '../../server/src/engine/document/unreadText';
import { ciliumEncryptionInfo } from '../../server/src/engine/features/ciliumEncryption';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import type { ErrorSink } from '../../server/src/engine/errorBoundary';
import { KOPS_FIXTURES, REPO_ROOT } from '../helpers/fixturePaths';
import { kopsDocument } from '../helpers/kopsText';

const yamlFilesBelow = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFilesBelow(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });

/** eemeli/yaml reads `channel` and `cloudProvider` into nothing, and reports no error. */
const DROPPED_AFTER_EXPLICIT_KEY = `${kopsDocument('Cluster', 'a.example.com', [])}  api:\n?\n    loadBalancer:\n      type: Public\n  channel: stable\n  cloudProvider: aws\n  networking:\n    cilium: {}\n`;

describe('text the parser silently left out (unreadText.ts)', () => {
  it('finds none in any document of the kops fixtures, the samples and our own cases', () => {
    const files = [
      KOPS_FIXTURES,
      join(REPO_ROOT, 'samples'),
      join(REPO_ROOT, 'test', 'cases'),
      join(REPO_ROOT, 'test', 'cases-spec'),
    ].flatMap(yamlFilesBelow);
    assert.ok(files.length > 300, `${files.length} files`);
    const unread = files.filter((path) => parseFile(readFileSync(path, 'utf8')).documents.some(hasUnreadText));
    assert.deepEqual(unread, []);
  });

  it('finds the lines dropped after an explicit `?` key, and nothing once they are read', () => {
    assert.equal(parseFile(DROPPED_AFTER_EXPLICIT_KEY).documents.some(hasUnreadText), true);
    assert.equal(parseFile(DROPPED_AFTER_EXPLICIT_KEY.replace('?\n', '')).documents.some(hasUnreadText), false);
  });

  it('keeps the IPsec settings out of such a document instead of writing a new spec: that adopts the dropped lines (fuzz seed 1535250749)', () => {
    const problems: unknown[] = [];
    const report: ErrorSink = (error) => problems.push(error);
    const file = parseFile(DROPPED_AFTER_EXPLICIT_KEY);
    const info = ciliumEncryptionInfo(file, effectiveKopsVersion(file, {}), undefined, report);
    assert.deepEqual(info.settingsEdits, []);
    assert.deepEqual(problems, []);
  });
});
