import type { MigrationEvent, MigrationFailure, MigrationRunResult, ProjectSettings } from '../../contract';
import type { StatementObserver } from './transactionalClient';

type Direction = 'up' | 'down';

/** pgmigrations as name -> run_on, before the command and after it failed. */
export interface AppliedBeforeAndAfter {
  before: ReadonlyMap<string, string>;
  after: ReadonlyMap<string, string>;
}

interface Tracked extends MigrationRunResult {
  /** Committed for good, even if the command later fails (only after a pgm.noTransaction() break). */
  durable: boolean;
}

/**
 * Turns the statements runner() executes into per-migration events. A migration starts when
 * runner() opens its transaction or the previous one is recorded, and finishes when its
 * pgmigrations INSERT (up) or DELETE (down) succeeds: node-pg-migrate's last step for each.
 */
export class RunTracker implements StatementObserver {
  private readonly tracked: Tracked[] = [];
  private direction: Direction = 'up';
  private plan: string[] = [];
  private index = -1;
  private startedAt = 0;
  /** Statements the migration in flight has run successfully so far. */
  statementsRun = 0;

  constructor(
    private readonly project: ProjectSettings,
    private readonly runId: string,
    private readonly emit: (event: MigrationEvent) => void,
  ) {}

  startStep(direction: Direction, plan: string[]): void {
    this.direction = direction;
    this.plan = plan;
    this.index = -1;
  }

  /** The migration in flight, if any. */
  get current(): string | null {
    return this.index >= 0 && this.index < this.plan.length ? (this.plan[this.index] as string) : null;
  }

  migrationsBegin(): void {
    if (this.index === -1 && this.plan.length > 0) this.start(0);
  }

  executed(sql: string, durable: boolean): void {
    const name = this.current;
    if (name === null) return;
    if (sql !== this.markAsRunStatement(name)) {
      this.statementsRun += 1;
      return;
    }
    const durationMs = Date.now() - this.startedAt;
    this.tracked.push({ name, direction: this.direction, timestamp: new Date().toISOString(), success: true, durationMs, durable });
    this.emit({ type: 'migration-finished', runId: this.runId, name, direction: this.direction, durationMs });
    if (this.index + 1 < this.plan.length) this.start(this.index + 1);
    else this.index = this.plan.length;
  }

  committed(): void {
    for (const result of this.tracked) result.durable = true;
  }

  outsideTransaction(): void {
    const name = this.current;
    if (name !== null) this.emit({ type: 'migration-outside-transaction', runId: this.runId, name });
  }

  failed(failure: MigrationFailure): void {
    const name = this.current;
    if (name === null) return;
    this.tracked.push({ name, direction: this.direction, timestamp: new Date().toISOString(), success: false, durationMs: Date.now() - this.startedAt, durable: false });
    this.emit({ type: 'migration-failed', runId: this.runId, name, direction: this.direction, failure });
    this.index = this.plan.length;
  }

  /**
   * Seed-shaped results. After a failure, whatever was rolled back is reported as not applied. With
   * `applied` (pgmigrations name -> run_on, read before the command and after its rollback) that is
   * what the database says, not what we expected: a migration that committed behind our back stays.
   */
  results(commandSucceeded: boolean, applied?: AppliedBeforeAndAfter): MigrationRunResult[] {
    return this.tracked.map((tracked) => {
      const { durable: _durable, ...result } = tracked;
      return commandSucceeded || !result.success || this.stayed(tracked, applied) ? result : { ...result, success: false, rolledBack: true };
    });
  }

  /** Migrations that succeeded and stayed although the command failed. */
  durableCount(applied?: AppliedBeforeAndAfter): number {
    return this.tracked.filter((t) => t.success && this.stayed(t, applied)).length;
  }

  private stayed(tracked: Tracked, applied: AppliedBeforeAndAfter | undefined): boolean {
    if (!applied) return tracked.durable;
    const after = applied.after.get(tracked.name);
    if (tracked.direction === 'down') return after === undefined;
    // A fresh run_on: redo's up stayed only if the row is not the one its down had removed.
    return after !== undefined && after !== applied.before.get(tracked.name);
  }

  private start(index: number): void {
    this.index = index;
    this.startedAt = Date.now();
    this.statementsRun = 0;
    this.emit({ type: 'migration-started', runId: this.runId, name: this.plan[index] as string, direction: this.direction });
  }

  // Exactly the statements node-pg-migrate builds in Migration._getMarkAsRun.
  private markAsRunStatement(name: string): string {
    const table = `"${this.project.migrationsSchema}"."${this.project.migrationsTable}"`;
    return this.direction === 'up'
      ? `INSERT INTO ${table} (name, run_on) VALUES ('${name}', NOW());`
      : `DELETE FROM ${table} WHERE name='${name}';`;
  }
}
