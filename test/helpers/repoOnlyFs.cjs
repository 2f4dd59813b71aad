// Preloaded into the unit tests (.mocharc.json) and into the CLI the integration tests run (NODE_OPTIONS=--require):
// reading a file or folder outside the repository throws, so no code path can depend on anything next to the
// repository. KOPS_SPEC_READ_ALSO=<dir>[<path.delimiter><dir>…] allows more folders: a test's own temporary files.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const GUARD_CODE = 'EREADOUTSIDEREPO';

const realPath = (p) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};
const ALLOWED = [
  REPO_ROOT,
  realPath(REPO_ROOT),
  // node_modules may link to an install elsewhere; Node loads a module by its real path.
  realPath(path.join(REPO_ROOT, 'node_modules')),
  ...(process.env.KOPS_SPEC_READ_ALSO ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.resolve(dir)),
];

const isInside = (file, root) => {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The path a read names; undefined for a file descriptor or handle, whose opening was checked. */
function namedPath(p) {
  if (typeof p === 'string') return p;
  if (Buffer.isBuffer(p)) return p.toString();
  if (p instanceof URL) return fileURLToPath(p);
  return undefined;
}

function check(operation, p) {
  const named = namedPath(p);
  if (named === undefined) return;
  const file = path.resolve(named);
  if (ALLOWED.some((root) => isInside(file, root))) return;
  const error = new Error(`${operation}(${file}) reads outside the repository ${REPO_ROOT} (test/helpers/repoOnlyFs.cjs)`);
  error.code = GUARD_CODE;
  throw error;
}

for (const name of [
  'readFileSync',
  'readFile',
  'openSync',
  'open',
  'readdirSync',
  'readdir',
  'opendirSync',
  'opendir',
  'createReadStream',
]) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    check(`fs.${name}`, p);
    return original.call(this, p, ...rest);
  };
}
for (const name of ['readFile', 'open', 'readdir', 'opendir']) {
  const original = fs.promises[name];
  fs.promises[name] = async function (p, ...rest) {
    check(`fs.promises.${name}`, p);
    return original.call(this, p, ...rest);
  };
}

module.exports = { REPO_ROOT, GUARD_CODE };
