import { parseArgs } from "node:util";
import { DEMO_HOME_COUNT, DEMO_SEED } from "./demo-homes.js";

/**
 * How much data a seed loads. `demo`: the default for the embedded database, a province in
 * miniature that loads in well under a minute on PGlite. `province`: the programme's real size,
 * for PostgreSQL and the benchmark (the domain brief's figures).
 */
export type ScaleName = "demo" | "province";

export interface Scale {
  name: ScaleName;
  /** The seed number every generator draws from: the same number gives the same data. */
  seed: number;
  homes: number;
  children: number;
  volunteers: number;
  donations: number;
  activities: number;
}

const SCALES: Record<ScaleName, Omit<Scale, "name" | "seed">> = {
  demo: { homes: DEMO_HOME_COUNT, children: 20_000, volunteers: 5_000, donations: 10_000, activities: 2_000 },
  province: {
    homes: DEMO_HOME_COUNT,
    children: 1_000_000,
    volunteers: 110_000,
    donations: 1_000_000,
    activities: 50_000,
  },
};

/** The most homes `--homes` may ask for (planning for growth: ten times today's homes and more). */
export const MAX_HOMES = 20_000;

export function scaleOf(name: ScaleName, options: { seed?: number; homes?: number } = {}): Scale {
  const homes = options.homes ?? SCALES[name].homes;
  if (!Number.isInteger(homes) || homes < 1 || homes > MAX_HOMES) {
    throw new Error(`--homes must be a whole number from 1 to ${MAX_HOMES}`);
  }
  return { name, seed: options.seed ?? DEMO_SEED, ...SCALES[name], homes };
}

/**
 * Reads a seed script's arguments: `--scale demo|province`, `--seed <number>`, `--homes <count>`
 * (every service's `pnpm seed` takes the same ones, so `pnpm seed --scale province` reaches all).
 */
export function scaleFromArgs(argv: readonly string[] = process.argv.slice(2)): Scale {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: "string", default: "demo" },
      seed: { type: "string" },
      homes: { type: "string" },
    },
    allowPositionals: true,
  });
  if (values.scale !== "demo" && values.scale !== "province") {
    throw new Error(`--scale must be demo or province, not "${values.scale}"`);
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error("--seed must be a whole number");
  return scaleOf(values.scale, {
    seed,
    homes: values.homes === undefined ? undefined : Number(values.homes),
  });
}
