// After an extension-host run, with code-server and the browser shut down (logs, state databases and the
// browser profile flushed): the IPsec keys the security suite made (test/e2e/suite/securityKeys.ts lists
// their hex in <run>/leak-probe/keys.txt, next to the key files it wrote on purpose) must appear in no other
// file of the run folder. Returns undefined when the suite made no key, else whether the folder is clean.
import fs from 'node:fs';
import path from 'node:path';

function filesBelow(dir, skip) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (full === skip) return [];
    if (entry.isDirectory()) return filesBelow(full, skip);
    return entry.isFile() ? [full] : [];
  });
}

export function scanRunForKeys(runDir, log) {
  const probe = path.join(runDir, 'leak-probe');
  const list = path.join(probe, 'keys.txt');
  if (!fs.existsSync(list)) return undefined;
  const keys = fs
    .readFileSync(list, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((hex) => Buffer.from(hex));
  const files = filesBelow(runDir, probe);
  const hits = files.filter((file) => {
    const bytes = fs.readFileSync(file);
    return keys.some((key) => bytes.includes(key));
  });
  log(
    `after shutdown: ${keys.length} keys searched in ${files.length} files of ${runDir} (outside leak-probe/): ` +
      (hits.length ? `FOUND in ${hits.map((f) => path.relative(runDir, f)).join(', ')}` : 'none found'),
  );
  return hits.length === 0;
}
