// Summarises a V8 `.cpuprofile` (node --cpu-prof): self and inclusive time per function, and self time
// per source module. Bundled code is mapped back to its module through the `// path/to/module` comment
// lines esbuild writes at the start of every module in a non-minified bundle.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FunctionCost {
  name: string;
  module: string;
  bundleLine: number;
  selfMs: number;
  totalMs: number;
}
export interface ProfileSummary {
  sampledMs: number;
  /** Wall time in sampling gaps beyond 4 intervals, left out of every figure (the process was not on a CPU). */
  descheduledMs: number;
  idleMs: number;
  busyMs: number;
  functions: FunctionCost[];
  modules: Array<{ module: string; selfMs: number }>;
}

const moduleMaps = new Map<string, Array<[number, string]>>();

/** Start lines of the bundled modules in `url`, from esbuild's `// module/path.ext` comments. */
function modulesOf(url: string): Array<[number, string]> {
  let map = moduleMaps.get(url);
  if (map) return map;
  map = [];
  try {
    const lines = fs.readFileSync(fileURLToPath(url), 'utf8').split('\n');
    lines.forEach((l, i) => {
      const m = /^\/\/ ((?:node_modules|server|client|src)\/\S+\.(?:[cm]?js|ts|json))$/.exec(l);
      if (m) map.push([i, m[1]]);
    });
  } catch {
    /* not a readable file: no module map */
  }
  moduleMaps.set(url, map);
  return map;
}

function moduleOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName || '(native)';
  if (!frame.url.startsWith('file:')) return frame.url;
  let found = frame.url.replace(/^.*\//, '');
  for (const [start, module] of modulesOf(frame.url))
    if (start <= frame.lineNumber) found = module;
    else break;
  return found.replace(/^node_modules\/([^/]+)\/.*$/, 'node_modules/$1');
}

export function summarise(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${n.callFrame.url}\u0000${n.callFrame.lineNumber}`;
  const costs = new Map<string, FunctionCost>();
  const cost = (n: ProfileNode) => {
    const key = keyOf(n);
    let c = costs.get(key);
    if (!c) {
      c = {
        name: n.callFrame.functionName || '(anonymous)',
        module: moduleOf(n.callFrame),
        bundleLine: n.callFrame.lineNumber + 1,
        selfMs: 0,
        totalMs: 0,
      };
      costs.set(key, c);
    }
    return c;
  };

  // A gap much longer than the sampling interval means the process was not running (busy machine):
  // count only a few intervals of it, so CPU contention does not pose as the sampled function's cost.
  const sortedDeltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const capUs = 4 * (sortedDeltas[sortedDeltas.length >> 1] ?? 0);
  let idleUs = 0;
  let sampledUs = 0;
  let descheduledUs = 0;
  profile.samples.forEach((id, i) => {
    const gap = profile.timeDeltas[i + 1] ?? 0;
    const us = Math.min(gap, capUs);
    descheduledUs += gap - us;
    const node = byId.get(id);
    if (!node) return;
    sampledUs += us;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    cost(node).selfMs += us / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      const key = keyOf(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      cost(frame).totalMs += us / 1000;
    }
  });

  const modules = new Map<string, number>();
  for (const c of costs.values()) modules.set(c.module, (modules.get(c.module) ?? 0) + c.selfMs);
  return {
    sampledMs: sampledUs / 1000,
    descheduledMs: descheduledUs / 1000,
    idleMs: idleUs / 1000,
    busyMs: (sampledUs - idleUs) / 1000,
    functions: [...costs.values()].filter((c) => c.name !== '(root)'),
    modules: [...modules.entries()].map(([module, selfMs]) => ({ module, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}
