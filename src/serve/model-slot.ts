import type { LoadedVersion } from './loaded-version.js';

/** What one model serves: its deployed version, and a canary taking `weightPercent` of requests. */
export interface Serving {
  main: LoadedVersion;
  canary?: { version: LoadedVersion; weightPercent: number };
}

/** A version lent to one request; `release` when the answer is computed. */
export interface Lease {
  loaded: LoadedVersion;
  role: 'main' | 'canary';
  release(): void;
}

/**
 * The holder of one model's serving versions. `swap` replaces them atomically: a request holds
 * the version it started with until it releases it, and a version no longer served is disposed
 * (its tfjs weights freed) only once no request holds it.
 */
export class ModelSlot {
  readonly model: string;
  /** The last load or manifest failure, cleared by a successful swap; reported on /readyz and /models. */
  problem?: string;
  /** The revision whose manifest was refused last: polling the same revision again neither retries, warns nor counts it. */
  refusedAt?: string;
  /** The revision whose manifest the serving versions come from. */
  revision?: string;
  private current?: Serving;
  private readonly leases = new Map<LoadedVersion, number>();
  private readonly retired = new Set<LoadedVersion>();

  constructor(model: string) {
    this.model = model;
  }

  get serving(): Serving | undefined {
    return this.current;
  }

  /** A loaded version of this model (main or canary) with this number, to reuse instead of reloading. */
  find(version: number): LoadedVersion | undefined {
    const c = this.current;
    if (c?.main.version === version) return c.main;
    return c?.canary?.version.version === version ? c.canary.version : undefined;
  }

  /** Lends the canary when `toCanary` says so for this request, else the main version; undefined before anything is loaded. */
  acquire(toCanary: (weightPercent: number) => boolean): Lease | undefined {
    const c = this.current;
    if (!c) return undefined;
    const role = c.canary && toCanary(c.canary.weightPercent) ? 'canary' : 'main';
    const loaded = role === 'canary' ? c.canary!.version : c.main;
    this.leases.set(loaded, (this.leases.get(loaded) ?? 0) + 1);
    let released = false;
    return {
      loaded,
      role,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.leases.get(loaded) ?? 1) - 1;
        if (left > 0) this.leases.set(loaded, left);
        else this.leases.delete(loaded);
        if (left <= 0 && this.retired.has(loaded)) this.dispose(loaded);
      },
    };
  }

  /** Serves `next` from now on; versions it no longer uses are disposed once idle. */
  swap(next: Serving, revision: string): void {
    const before = this.current;
    this.current = next;
    this.revision = revision;
    this.problem = undefined;
    const kept = new Set([next.main, next.canary?.version]);
    for (const old of [before?.main, before?.canary?.version]) {
      if (old && !kept.has(old)) this.retire(old);
    }
  }

  /** Stops serving anything (the manifest is gone, or the server is closing). */
  clear(): void {
    const before = this.current;
    this.current = undefined;
    for (const old of [before?.main, before?.canary?.version]) if (old) this.retire(old);
  }

  private retire(loaded: LoadedVersion): void {
    if ((this.leases.get(loaded) ?? 0) === 0) this.dispose(loaded);
    else this.retired.add(loaded);
  }

  private dispose(loaded: LoadedVersion): void {
    this.retired.delete(loaded);
    loaded.scoring.model.dispose();
  }
}
