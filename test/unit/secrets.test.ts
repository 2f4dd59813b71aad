import { strict as assert } from 'assert';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's crypto module object itself: an `import * as` namespace is a copy the code under test never reads
import crypto = require('crypto');
import * as fs from 'fs';
import * as path from 'path';
import { generateCiliumIpsecKey } from '../../client/src/commands/ciliumKey';

const REPO = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('where the IPsec key comes from', () => {
  it('is the hex of the 20 bytes crypto.randomBytes returned, and of nothing else', () => {
    const original = crypto.randomBytes;
    const calls: Array<{ size: number; bytes: Buffer }> = [];
    (crypto as { randomBytes: unknown }).randomBytes = (size: number) => {
      const bytes = original(size);
      calls.push({ size, bytes });
      return bytes;
    };
    let key: string;
    try {
      key = generateCiliumIpsecKey();
    } finally {
      (crypto as { randomBytes: unknown }).randomBytes = original;
    }
    assert.deepEqual(
      calls.map((c) => c.size),
      [20],
    );
    assert.equal(key, `keys: 3 rfc4106(gcm(aes)) ${calls[0].bytes.toString('hex')} 128`);
  });

  it('no source file of the extension or the server uses Math.random', () => {
    const files = [...sourceFiles(path.join(REPO, 'client', 'src')), ...sourceFiles(path.join(REPO, 'server', 'src'))];
    assert.ok(files.length > 50, `found ${files.length} source files`);
    const offenders = files.filter((f) => /\bMath\s*(\.\s*random|\[\s*['"`]random)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => path.relative(REPO, f)),
      [],
    );
  });
});
