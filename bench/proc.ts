// Peak memory of a process tree, read from /proc (Linux): every few hundred milliseconds the
// RSS of the root process and of every descendant, summed by kind — Chromium's processes
// (browser, renderers, GPU, zygotes) together, every other process on its own. RSS counts
// pages shared between Chromium's processes once per process, so the sum is an upper bound.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  rss: number;
}

function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const rssPages = Number(fields[21]);
      out.push({ pid: Number(name), ppid: Number(fields[1]), comm, rss: rssPages * PAGE });
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

export interface TreePeak {
  /** Peak of the summed RSS of the tree's Chromium processes, MB (0 without Chromium). */
  chromiumMB: number;
  /** Peak RSS of each other process of the tree, MB, by pid. */
  processesMB: Map<number, { comm: string; mb: number }>;
  /** Peak of the whole tree's summed RSS, MB. */
  totalMB: number;
}

export interface TreeSampler {
  stop(): TreePeak;
}

export function sampleTree(rootPid: number, everyMs = 250): TreeSampler {
  const peak: TreePeak = { chromiumMB: 0, processesMB: new Map(), totalMB: 0 };
  const tick = (): void => {
    const procs = readProcs();
    const children = new Map<number, ProcInfo[]>();
    for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    const root = procs.find((p) => p.pid === rootPid);
    if (!root) return;
    const tree: ProcInfo[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const p = stack.pop()!;
      tree.push(p);
      stack.push(...(children.get(p.pid) ?? []));
    }
    let chromium = 0;
    let total = 0;
    for (const p of tree) {
      const mb = p.rss / 1048576;
      total += mb;
      if (/^chrom/i.test(p.comm)) chromium += mb;
      else {
        const was = peak.processesMB.get(p.pid)?.mb ?? 0;
        if (mb > was) peak.processesMB.set(p.pid, { comm: p.comm, mb });
      }
    }
    peak.chromiumMB = Math.max(peak.chromiumMB, chromium);
    peak.totalMB = Math.max(peak.totalMB, total);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
