// Preloaded into the CLI by test/integration/hostilePaths.test.ts (NODE_OPTIONS=--require): right after the folder
// holding the file named by KOPS_SPEC_DELETE_AFTER_LISTING is listed, that file is deleted, as if another process
// removed it between the listing and the read.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const victim = process.env.KOPS_SPEC_DELETE_AFTER_LISTING;
const readdirSync = fs.readdirSync;
fs.readdirSync = function (folder, ...rest) {
  const entries = readdirSync.call(this, folder, ...rest);
  if (victim && path.resolve(String(folder)) === path.dirname(path.resolve(victim))) fs.rmSync(victim, { force: true });
  return entries;
};
