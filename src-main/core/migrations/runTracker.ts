import type { MigrationEvent, MigrationFailure, MigrationRunResult, ProjectSettings } from '../../contract';
import type { StatementObserver } from './transactionalClient';

type Direction = 'up' | 'down';

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
    if (name === null || sql !== this.markAsRunStatement(name)) return;
    const durationMs = Date.now() - this.startedAt;
    this.tracked.push({ name, direction: this.direction, timestamp: new Date().toISOString(), success: true, durationMs, durable });
    this.emit({ type: 'migration-finished', runId: this.runId, name, direction: this.direction, durationMs });
    if (this.index + 1 < this.plan.length) this.start(this.index + 1);
    else this.index = this.plan.length;
  }

  committed(): void {
    for (const result of this.tracked) result.durable = true;
  }

  failed(failure: MigrationFailure): void {
    const name = this.current;
    if (name === null) return;
    this.tracked.push({ name, direction: this.direction, timestamp: new Date().toISOString(), success: false, durationMs: Date.now() - this.startedAt, durable: false });
    this.emit({ type: 'migration-failed', runId: this.runId, name, direction: this.direction, failure });
    this.index = this.plan.length;
  }

  /** Seed-shaped results. After a failure, whatever was rolled back is reported as not applied. */
  results(commandSucceeded: boolean): MigrationRunResult[] {
    return this.tracked.map(({ durable, ...result }) =>
      commandSucceeded || durable || !result.success ? result : { ...result, success: false, rolledBack: true },
    );
  }

  durableCount(): number {
    return this.tracked.filter((t) => t.durable && t.success).length;
  }

  private start(index: number): void {
    this.index = index;
    this.startedAt = Date.now();
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
