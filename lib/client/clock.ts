import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { ClockTamperError } from "./errors";

/** Where the last trustworthy time is kept. Vendors may plug in the OS keychain, the registry, etc. */
export type TClockStore = {
  get(): Promise<number | null>;
  set(epochMs: number): Promise<void>;
};

export class MemoryClockStore implements TClockStore {
  constructor(private value: number | null = null) {}
  async get() {
    return this.value;
  }
  async set(epochMs: number) {
    this.value = epochMs;
  }
}

/** A small JSON file; written atomically so a crash never leaves a half-written time. */
export class FileClockStore implements TClockStore {
  constructor(private readonly file: string) {}

  async get(): Promise<number | null> {
    try {
      const value = JSON.parse(await readFile(this.file, "utf8"))?.lastSeen;
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    } catch {
      return null;
    }
  }

  async set(epochMs: number): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ lastSeen: epochMs }), { mode: 0o600 });
    await rename(tmp, this.file);
  }
}

export const DEFAULT_CLOCK_TOLERANCE_MS = 60 * 60 * 1000;

/**
 * Detects a clock set back since the last successful check. The tolerance (default 1 hour)
 * absorbs daylight-saving mistakes and VM clock drift, so honest users are never locked out.
 */
export class ClockGuard {
  readonly toleranceMs: number;

  constructor(
    private readonly store: TClockStore = new MemoryClockStore(),
    options: { toleranceMs?: number; now?: () => Date } = {},
  ) {
    this.toleranceMs = options.toleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  /** Throws ClockTamperError when `now` is earlier than the last seen time minus the tolerance; else records it. */
  async check(now: Date = this.now()): Promise<Date> {
    const lastSeen = await this.store.get();
    if (lastSeen !== null && now.getTime() < lastSeen - this.toleranceMs) throw new ClockTamperError(new Date(lastSeen), now);
    if (lastSeen === null || now.getTime() > lastSeen) await this.store.set(now.getTime());
    return now;
  }

  /**
   * Records a time known from elsewhere (a signed server Date, a file's issuedAt): a clock that
   * is behind it by more than the tolerance is set back.
   */
  async observe(trusted: Date, now: Date = this.now()): Promise<void> {
    if (Number.isNaN(trusted.getTime())) return;
    if (now.getTime() < trusted.getTime() - this.toleranceMs) throw new ClockTamperError(trusted, now);
    const lastSeen = await this.store.get();
    if (lastSeen === null || trusted.getTime() > lastSeen) await this.store.set(trusted.getTime());
  }
}
