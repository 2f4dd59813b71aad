import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/**
 * V8's code cache for a bundle: the bytecode of every function compiled while the process started and checked
 * its first file, kept in a folder of this user's temporary directory. A fresh process then neither compiles
 * the bundle nor, lazily, each function on its first call. A cache is looked up by the bundle file (device, inode, size,
 * modification time), node's version and architecture; V8 itself refuses one made with other flags. Whatever goes wrong (no folder, a
 * folder another user could write, a full disk, a rejected cache) only means compiling as without a cache.
 */
export interface CachedScript {
  /** V8 took the cache: the bundle was not compiled. */
  readonly fromCache: boolean;
  /** Runs the bundle as a CommonJS module with the given `require`. */
  run(require: NodeJS.Require): void;
  /** Writes the cache when the one read was missing or refused; call once the expensive first work is done. */
  save(): void;
}

const CACHE_FOLDER = `kops-spec-code-cache-${process.getuid?.() ?? 'user'}`;

/** The cache folder, created private to this user; undefined when it exists but others could write into it. */
function privateFolder(): string | undefined {
  const folder = path.join(os.tmpdir(), CACHE_FOLDER);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(folder);
  const ours = process.getuid === undefined || stat.uid === process.getuid();
  return stat.isDirectory() && ours && (stat.mode & 0o022) === 0 ? folder : undefined;
}

/** Named by the bundle file's identity (a rewritten bundle gets a new mtime): hashing its megabytes, or loading node:crypto, cost more than the cache saved. */
function cacheFile(bundle: fs.Stats): string | undefined {
  const key = [process.version, process.arch, bundle.dev, bundle.ino, bundle.size, Math.round(bundle.mtimeMs * 1000)].join('-');
  const folder = privateFolder();
  return folder && path.join(folder, `${key}.v8cache`);
}

const quietly = <T>(run: () => T): T | undefined => {
  try {
    return run();
  } catch {
    return undefined;
  }
};

export function loadCachedScript(file: string): CachedScript {
  const source = fs.readFileSync(file, 'utf8');
  const cache = quietly(() => cacheFile(fs.statSync(file)));
  const cachedData = cache ? quietly(() => fs.readFileSync(cache)) : undefined;
  const script = new vm.Script(wrapCommonJs(source), { filename: file, cachedData });
  let stale = !cachedData || script.cachedDataRejected === true;
  return {
    fromCache: !stale,
    run(require) {
      const module = { exports: {} };
      (script.runInThisContext() as CommonJsWrapper)(module.exports, require, module, file, path.dirname(file));
    },
    save() {
      if (!stale || !cache) return;
      stale = false;
      quietly(() => {
        const partial = `${cache}.${process.pid}`;
        fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600, flag: 'wx' });
        fs.renameSync(partial, cache);
      });
      quietly(() => removeUnused(path.dirname(cache)));
    },
  };
}

/** A cache not rewritten for this long belongs to a bundle replaced since (each update writes its own). */
const UNUSED_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes the caches (and any half-written one) not written for `UNUSED_AFTER_MS`, so the folder does not grow with every update. */
function removeUnused(folder: string): void {
  const cutoff = Date.now() - UNUSED_AFTER_MS;
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    quietly(() => {
      const stat = fs.lstatSync(file);
      if (stat.isFile() && stat.mtimeMs < cutoff) fs.unlinkSync(file);
    });
  }
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

/** The function node wraps a CommonJS module in. */
const wrapCommonJs = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
