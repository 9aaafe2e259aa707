import type { TuneSpec } from '../spec/types.js';

/** One searched parameter's range, normalised from the YAML forms (loguniform = uniform + log). */
export type Distribution =
  | { kind: 'float'; low: number; high: number; log: boolean }
  | { kind: 'int'; low: number; high: number; log: boolean }
  | { kind: 'choice'; choices: readonly unknown[] };

export interface ParamDef {
  /** The model.params key it sets. */
  name: string;
  dist: Distribution;
  /** Searched only when each named choice param took one of these values. */
  when?: Readonly<Record<string, readonly unknown[]>>;
}

/** A trial's values: only the active params of the space (inactive conditional ones are absent). */
export type TrialParams = Record<string, unknown>;

/**
 * The space of a validated `tune.space`, in sampling order: a conditional param comes after
 * the params its condition names, otherwise the order written. The spec checks already
 * guaranteed valid ranges and conditions on choice params of the space.
 */
export function parseSpace(space: TuneSpec['space']): ParamDef[] {
  const defs = Object.entries(space).map(([name, raw]) => toDef(name, raw as Record<string, unknown>));
  const ordered: ParamDef[] = [];
  const placed = new Set<string>();
  while (ordered.length < defs.length) {
    const before = ordered.length;
    for (const d of defs) {
      if (placed.has(d.name) || !Object.keys(d.when ?? {}).every((k) => placed.has(k))) continue;
      ordered.push(d);
      placed.add(d.name);
    }
    // A cycle of conditions (a when b, b when a): neither can ever be active; keep them last, never sampled.
    if (ordered.length === before) {
      for (const d of defs.filter((x) => !placed.has(x.name))) {
        ordered.push(d);
        placed.add(d.name);
      }
    }
  }
  return ordered;
}

function toDef(name: string, raw: Record<string, unknown>): ParamDef {
  const when = raw.when as Record<string, unknown[]> | undefined;
  const log = raw.log === true;
  let dist: Distribution;
  if (Array.isArray(raw.choice)) dist = { kind: 'choice', choices: raw.choice };
  else if (Array.isArray(raw.int)) dist = { kind: 'int', low: Number(raw.int[0]), high: Number(raw.int[1]), log };
  else if (Array.isArray(raw.loguniform)) dist = { kind: 'float', low: Number(raw.loguniform[0]), high: Number(raw.loguniform[1]), log: true };
  else {
    const range = raw.uniform as number[];
    dist = { kind: 'float', low: Number(range[0]), high: Number(range[1]), log };
  }
  return when === undefined ? { name, dist } : { name, dist, when };
}

/** Whether `def` is searched given the values drawn so far for the trial. */
export function isActive(def: ParamDef, drawn: TrialParams): boolean {
  return Object.entries(def.when ?? {}).every(([other, values]) => other in drawn && values.some((v) => sameValue(v, drawn[other])));
}

/** Choice values compare by content: [64, 32] equals [64, 32]. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Index of `value` among a choice's options, or -1. */
export function choiceIndex(choices: readonly unknown[], value: unknown): number {
  return choices.findIndex((c) => sameValue(c, value));
}

/** Numeric range of a float or int param in the sampler's internal scale (log for log ranges; ints widened by ±0.5). */
export function internalBounds(dist: Extract<Distribution, { kind: 'float' | 'int' }>): [number, number] {
  const pad = dist.kind === 'int' ? 0.5 : 0;
  const low = dist.low - pad;
  const high = dist.high + pad;
  // A log int range starting at 1 widened to 0.5 keeps log finite; low > 0 is checked by the spec.
  return dist.log ? [Math.log(Math.max(low, dist.low / 2)), Math.log(high)] : [low, high];
}

/** Maps an internal-scale number back to a value of the param (rounded and clamped for ints). */
export function fromInternal(dist: Extract<Distribution, { kind: 'float' | 'int' }>, v: number): number {
  const x = dist.log ? Math.exp(v) : v;
  if (dist.kind === 'int') return Math.min(dist.high, Math.max(dist.low, Math.round(x)));
  return Math.min(dist.high, Math.max(dist.low, x));
}

/** A value of the param in the internal scale. */
export function toInternal(dist: Extract<Distribution, { kind: 'float' | 'int' }>, value: number): number {
  return dist.log ? Math.log(value) : value;
}
