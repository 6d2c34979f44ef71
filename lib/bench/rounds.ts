// Scenarios measured in rounds, with the ceiling (the empty route) measured between every two of them.
// These machines are shared: the same build measured minutes apart can differ by 20% or more, and the
// ceiling moves as much as the endpoints do. So each endpoint is compared with the ceiling measured
// right before and right after it, and the rounds are summed up by their medians, with the spread.
import { runScenario, type TScenario, type TScenarioResult } from "./run-scenario";

export type TRatio = { median: number; min: number; max: number };
/** Medians over the rounds (req/s, p50, p99), errors summed, and the ratio to the adjacent ceilings. */
export type TMeasured = TScenarioResult & { rounds: TScenarioResult[]; ratio: TRatio | null };

type TOptions = { rounds: number; duration: number; warmUp: number; log: (line: string) => void };

export async function measureInRounds(url: string, ceiling: TScenario, scenarios: TScenario[], options: TOptions): Promise<{ ceiling: TMeasured; results: TMeasured[] }> {
  const ceilings: TScenarioResult[] = [];
  const runs = scenarios.map(() => [] as TScenarioResult[]);
  const ratios = scenarios.map(() => [] as number[]);
  const measure = async (scenario: TScenario, round: number, warmUp: boolean) => {
    // Each route's code is compiled on its first requests: a few seconds of the scenario first, so no
    // scenario (the ceiling included) is measured while it is still cold.
    if (warmUp && options.warmUp > 0) await runScenario(url, scenario, options.warmUp);
    const result = await runScenario(url, scenario, options.duration);
    options.log(`round ${round + 1}: ${result.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`);
    for (const refusal of result.refusals) options.log(`  refused: ${refusal}`);
    return result;
  };
  // One chain: ceiling, scenario, ceiling, scenario, … so every ceiling run sits between two scenarios.
  let before = await measure(ceiling, 0, true);
  ceilings.push(before);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      const result = await measure(scenario, round, round === 0);
      const after = await measure(ceiling, round, false);
      ceilings.push(after);
      runs[i]!.push(result);
      ratios[i]!.push(result.rps / ((before.rps + after.rps) / 2));
      before = after;
    }
  }
  return {
    ceiling: summarize(ceilings, null),
    results: runs.map((r, i) => summarize(r, ratios[i]!)),
  };
}

function summarize(rounds: TScenarioResult[], ratios: number[] | null): TMeasured {
  const sum = (pick: (r: TScenarioResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    name: rounds[0]!.name,
    rps: median(rounds.map((r) => r.rps)),
    p50: Math.round(median(rounds.map((r) => r.p50))),
    p99: Math.round(median(rounds.map((r) => r.p99))),
    errors: sum((r) => r.errors),
    errorKinds: { non2xx: sum((r) => r.errorKinds.non2xx), timeouts: sum((r) => r.errorKinds.timeouts), socket: sum((r) => r.errorKinds.socket) },
    refusals: rounds.flatMap((r) => r.refusals).slice(0, 5),
    total: sum((r) => r.total),
    rounds,
    ratio: ratios && ratios.length > 0 ? { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) } : null,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
