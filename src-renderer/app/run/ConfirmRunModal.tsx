import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { connectionRunTimeouts, isProductionConnection, postgresIntervalSchema, type ConnectionSummary, type RunTimeouts } from '../../../src-main/contract';
import { connectionAddress } from '../../features/connections/ConnectionLabel';
import { DownSafetyPanel, downSafetyReady, type DownSafety } from '../../features/rollback/DownSafetyPanel';
import { emptySkip } from '../../features/rollback/SkipBackupGuard';
import type { PendingConfirmation } from './useRunFlow';

interface ConfirmRunModalProps {
  confirmation: PendingConfirmation | null;
  connection: ConnectionSummary | null;
  /** With the database name the operator typed, on production; the timeouts changed for this run; for a down, back up first or not. */
  onConfirm(databaseName?: string, timeouts?: RunTimeouts, safety?: DownSafety): void;
  onCancel(): void;
}

function targetLine(connection: ConnectionSummary | null): string {
  if (!connection) return 'the server’s default connection';
  return `${connection.name} — ${connectionAddress(connection)}`;
}

/**
 * The production guard: the operator types the database name before anything runs, and the name goes
 * with the run (the engine refuses a production run without it, whichever door it came through).
 */
function ProductionGuard({ connection, typed, onType }: { connection: ConnectionSummary; typed: string; onType(value: string): void }) {
  const database = connection.database;
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon size={18} />} title="This is a PRODUCTION database">
      {connection.productionMatch !== undefined && (
        <Text size="sm" mb="xs" data-testid="production-match">
          Same host, port and database as the saved production connection <strong>{connection.productionMatch}</strong>.
        </Text>
      )}
      <TextInput
        label={
          <>
            Type the database name <strong>{database}</strong> to confirm
          </>
        }
        value={typed}
        onChange={(e) => onType(e.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="confirm-database-name"
        data-autofocus
      />
    </Alert>
  );
}

const timeoutError = (value: string) => (value.trim() === '' || postgresIntervalSchema.safeParse(value).success ? null : 'A PostgreSQL time: 5s, 500ms, 2min, 1h (0: off)');

/**
 * The run's lock and statement timeouts, from the connection (or production's defaults), editable for
 * this run only. Empty: none. Reports the values only when they differ from the connection's.
 */
function RunTimeoutFields({ defaults, values, onChange }: { defaults: RunTimeouts; values: { lock: string; statement: string }; onChange(values: { lock: string; statement: string }): void }) {
  const source = defaults.lockTimeout || defaults.statementTimeout ? 'from the connection (production gets lock 5s, statement 15min unless it says otherwise)' : 'none set for this connection';
  return (
    <div data-testid="confirm-timeouts">
      <Text size="sm" mb={4}>Timeouts for this run <Text span size="xs" c="dimmed">({source})</Text></Text>
      <Group grow align="flex-start">
        <TextInput size="xs" label="Lock timeout" placeholder="none (wait forever)" value={values.lock} error={timeoutError(values.lock)} onChange={(e) => onChange({ ...values, lock: e.currentTarget.value })} data-testid="confirm-lock-timeout" />
        <TextInput size="xs" label="Statement timeout" placeholder="none" value={values.statement} error={timeoutError(values.statement)} onChange={(e) => onChange({ ...values, statement: e.currentTarget.value })} data-testid="confirm-statement-timeout" />
      </Group>
    </div>
  );
}

/** The override a run sends: only what the operator changed; a cleared field turns that timeout off ('0'). */
function timeoutOverride(defaults: RunTimeouts, values: { lock: string; statement: string }): RunTimeouts | undefined {
  const override: RunTimeouts = {};
  const lock = values.lock.trim();
  const statement = values.statement.trim();
  if (lock !== (defaults.lockTimeout ?? '')) override.lockTimeout = lock === '' ? '0' : lock;
  if (statement !== (defaults.statementTimeout ?? '')) override.statementTimeout = statement === '' ? '0' : statement;
  return Object.keys(override).length ? override : undefined;
}

function ConfirmBody({ confirmation, connection, onConfirm, onCancel }: ConfirmRunModalProps & { confirmation: PendingConfirmation }) {
  const [typed, setTyped] = useState('');
  const [safety, setSafety] = useState<DownSafety>({ backupFirst: true, skip: emptySkip });
  const { plan } = confirmation;
  const production = connection !== null && isProductionConnection(connection);
  const defaults = connection ? connectionRunTimeouts(connection) : {};
  const [timeouts, setTimeouts] = useState({ lock: defaults.lockTimeout ?? '', statement: defaults.statementTimeout ?? '' });
  const timeoutsValid = !timeoutError(timeouts.lock) && !timeoutError(timeouts.statement);
  const up = plan.direction === 'up';
  const unlocked = (!production || typed === connection.database) && timeoutsValid && (up || downSafetyReady(safety, production, connection?.database ?? ''));
  const verb = up ? 'Apply' : 'Revert';
  const count = `${plan.migrations.length} migration${plan.migrations.length === 1 ? '' : 's'}`;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm">Direction:</Text>
        <Badge color={up ? 'blue' : 'red'} variant="filled">{up ? 'up (apply)' : 'down (revert)'}</Badge>
      </Group>
      <div>
        <Text size="sm">Target:</Text>
        <Group gap="xs">
          <Text size="sm" fw={600} data-testid="confirm-target">{targetLine(connection)}</Text>
          {production && <Badge color="red" variant="filled">Production</Badge>}
        </Group>
      </div>
      <div>
        <Text size="sm" mb={4}>
          {up ? 'These migrations will run, in this order:' : 'These migrations will be reverted, in this order:'}
        </Text>
        <ScrollArea.Autosize mah={240} type="auto">
          <List type="ordered" size="sm" spacing={2} withPadding data-testid="confirm-plan">
            {plan.migrations.map((name) => (
              <List.Item key={name} ff="monospace">{name}</List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      </div>
      {confirmation.request.checkOrderOff && (
        <Alert color="yellow" variant="light" title="Check-order is off for this run only" data-testid="confirm-check-order-off">
          The migrations run even though they are out of order with the ones already applied; the project keeps check-order on.
        </Alert>
      )}
      <RunTimeoutFields defaults={defaults} values={timeouts} onChange={setTimeouts} />
      {!up && (
        <DownSafetyPanel connectionId={connection?.id ?? null} selection={confirmation.request.selection} checkOrderOff={confirmation.request.checkOrderOff ?? false}
          production={production} databaseName={connection?.database ?? ''} safety={safety} onSafety={setSafety} />
      )}
      {production && <ProductionGuard connection={connection} typed={typed} onType={setTyped} />}
      <Group justify="flex-end">
        {/* Focus starts on Cancel (or the name field): Enter alone never runs anything. */}
        <Button variant="default" onClick={onCancel} data-autofocus={!production || undefined}>Cancel</Button>
        <Button color={production || !up ? 'red' : 'blue'} disabled={!unlocked} onClick={() => onConfirm(production ? typed : undefined, timeoutOverride(defaults, timeouts), up ? undefined : safety)} data-testid="confirm-run">
          {!up && safety.backupFirst ? 'Back up, then revert' : verb} {count}
        </Button>
      </Group>
    </Stack>
  );
}

/** Nothing runs without this: exactly which migrations, which direction, on which database. */
export function ConfirmRunModal(props: ConfirmRunModalProps) {
  const { confirmation } = props;
  return (
    <Modal opened={confirmation !== null} onClose={props.onCancel} title={confirmation?.request.label ?? ''} size="lg" centered>
      {/* Keyed so the typed database name is forgotten between confirmations. */}
      {confirmation && <ConfirmBody key={confirmation.plan.migrations.join('|')} {...props} confirmation={confirmation} />}
    </Modal>
  );
}
