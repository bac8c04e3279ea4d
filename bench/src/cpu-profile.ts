/** Reads a V8 .cpuprofile (node --cpu-prof) and says where a time window's CPU went. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  windowMs: number;
  sampleIntervalUs: number;
  /** Share of the window the process was on CPU (anything but "(idle)"). */
  busyShare: number;
  busyMs: number;
  /** Self time by function, busiest first (share of busy time). */
  functions: { name: string; where: string; share: number }[];
  /** Self time by where the code lives. */
  groups: { group: string; share: number }[];
  /** tRPC's down-levelled object-spread helpers (_objectSpread2 and what it calls). */
  objectSpreadShare: number;
}

// The helpers rolldown/oxc emits for object spread in @trpc/server's published build.
const SPREAD_HELPERS = new Set([
  "_objectSpread2",
  "ownKeys",
  "_defineProperty",
  "toPropertyKey",
  "toPrimitive",
  "_typeof",
]);

function groupOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native / builtins)";
  const pkg = /node_modules\/\.pnpm\/(@?[^@/]+)/.exec(url)?.[1]?.replace("+", "/");
  if (pkg) return pkg;
  if (url.startsWith("node:")) {
    if (/node:_?http|node:internal\/http|_http_/.test(url)) return "node:http";
    if (/net|stream|tcp|dns|socket/.test(url)) return "node: net / streams";
    return "node: other internals";
  }
  const local = /\/(apps\/[^/]+\/src|packages\/[^/]+)\//.exec(url)?.[1];
  return local ?? url;
}

/** Self time of the samples taken between fromUs and toUs (the monotonic clock, µs). */
export function summariseProfile(
  profile: CpuProfile,
  fromUs: number,
  toUs: number,
  top = 25,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) continue;
    // A sample stands for the interval up to the next one.
    const weight = profile.timeDeltas[i + 1] ?? delta;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + weight);
    total += weight;
  }
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const groups = new Map<string, number>();
  let idleUs = 0;
  let spreadUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = functionName || "(anonymous)";
    if (name === "(idle)") {
      idleUs += us;
      continue;
    }
    const where = url
      ? `${url.replace(/^.*node_modules\/\.pnpm\//, "").replace(/^file:\/\/\/work\/main\//, "")}:${lineNumber + 1}`
      : "";
    const key = `${name} ${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const group = groupOf(url, name);
    groups.set(group, (groups.get(group) ?? 0) + us);
    if (SPREAD_HELPERS.has(name) && url.includes("@trpc")) spreadUs += us;
  }
  const busy = total - idleUs;
  const share = (us: number) => (busy > 0 ? us / busy : 0);
  return {
    windowMs: (toUs - fromUs) / 1000,
    sampleIntervalUs:
      profile.samples.length > 0
        ? (profile.endTime - profile.startTime) / profile.samples.length
        : 0,
    busyShare: total > 0 ? busy / total : 0,
    busyMs: busy / 1000,
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, share: share(f.us) })),
    groups: [...groups.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([group, us]) => ({ group, share: share(us) })),
    objectSpreadShare: share(spreadUs),
  };
}

export type { CpuProfile };
