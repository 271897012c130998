import { useState } from 'react';
import { Button, Checkbox, ColorInput, Group, NumberInput, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { environments, postgresIntervalSchema, productionRunTimeouts, sslModes, type ConnectionSummary, type Environment } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { KeychainErrorAlert } from './KeychainErrorAlert';
import { TestResultView } from './TestResultView';
import { useConnectionMutations } from './useConnectionMutations';

type Draft = Omit<ConnectionSummary, 'id' | 'passwordSource' | 'isSandbox'>;

const environmentColors: Record<Environment, string> = { development: '#2f9e44', staging: '#f08c00', production: '#e03131' };

const blank: Draft = { name: '', host: '127.0.0.1', port: 5432, database: '', user: 'postgres', sslMode: 'prefer', environment: 'development', color: environmentColors.development };

interface ConnectionFormProps {
  editing: ConnectionSummary | null;
  keychainAvailable: boolean;
  onDone(): void;
}

/** Add or edit a profile; the password goes to the keychain (or this session only), never into the profile. */
export function ConnectionForm({ editing, keychainAvailable, onDone }: ConnectionFormProps) {
  const [draft, setDraft] = useState<Draft>(() => {
    if (!editing) return blank;
    const { id: _id, passwordSource: _source, isSandbox: _sandbox, project: _project, ...rest } = editing;
    return rest;
  });
  const [password, setPassword] = useState('');
  const [sessionOnly, setSessionOnly] = useState(!keychainAvailable);
  const { save, test } = useConnectionMutations();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // An empty timeout is no setting at all: the environment's default applies.
  const setRunTimeout = (key: 'lockTimeout' | 'statementTimeout', value: string) =>
    setDraft((d) => {
      const { [key]: _old, ...rest } = d;
      return value.trim() === '' ? rest : { ...rest, [key]: value.trim() };
    });
  const timeoutError = (value: string | undefined) => (value === undefined || postgresIntervalSchema.safeParse(value).success ? null : 'A PostgreSQL time: 5s, 500ms, 2min, 1h (0: off)');
  const production = draft.environment === 'production';

  const submit = (asSessionOnly: boolean) =>
    save.mutate(
      { profile: { ...draft, ...(editing ? { id: editing.id } : {}) }, ...(password || !editing ? { password } : {}), sessionOnly: asSessionOnly },
      { onSuccess: onDone },
    );

  return (
    <Stack gap="sm" data-testid="connection-form">
      <Text fw={600}>{editing ? `Edit “${editing.name}”` : 'New connection'}</Text>
      <TextInput label="Name" required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
      <SimpleGrid cols={2}>
        <TextInput label="Host" required value={draft.host} onChange={(e) => set('host', e.currentTarget.value)} />
        <NumberInput label="Port" required min={1} max={65535} value={draft.port} onChange={(v) => set('port', typeof v === 'number' ? v : Number(v) || 5432)} />
        <TextInput label="Database" required value={draft.database} onChange={(e) => set('database', e.currentTarget.value)} />
        <TextInput label="User" required value={draft.user} onChange={(e) => set('user', e.currentTarget.value)} />
      </SimpleGrid>
      <PasswordInput
        label="Password"
        placeholder={editing ? 'Leave empty to keep the stored password' : ''}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="new-password"
      />
      <Checkbox
        label="Keep the password for this session only (not stored in the OS keychain)"
        description={keychainAvailable ? undefined : 'No OS keychain is available on this machine.'}
        checked={sessionOnly}
        onChange={(e) => setSessionOnly(e.currentTarget.checked)}
      />
      <Select label="SSL mode" data={[...sslModes]} value={draft.sslMode} allowDeselect={false} onChange={(v) => v && set('sslMode', v as Draft['sslMode'])} />
      <div>
        <Text size="sm" fw={500} mb={4} id="environment-label">Environment</Text>
        <SegmentedControl
          aria-labelledby="environment-label"
          fullWidth
          data={environments.map((e) => ({ value: e, label: e }))}
          value={draft.environment}
          color={draft.environment === 'production' ? 'red' : undefined}
          onChange={(v) => setDraft((d) => ({ ...d, environment: v as Environment, color: environmentColors[v as Environment] }))}
        />
      </div>
      <SimpleGrid cols={2}>
        <TextInput
          label="Lock timeout for runs"
          description="How long a migration may wait for a lock"
          placeholder={production ? `${productionRunTimeouts.lockTimeout} (production default)` : 'none'}
          value={draft.lockTimeout ?? ''}
          error={timeoutError(draft.lockTimeout)}
          onChange={(e) => setRunTimeout('lockTimeout', e.currentTarget.value)}
          data-testid="connection-lock-timeout"
        />
        <TextInput
          label="Statement timeout for runs"
          description="How long one statement may run"
          placeholder={production ? `${productionRunTimeouts.statementTimeout} (production default)` : 'none'}
          value={draft.statementTimeout ?? ''}
          error={timeoutError(draft.statementTimeout)}
          onChange={(e) => setRunTimeout('statementTimeout', e.currentTarget.value)}
          data-testid="connection-statement-timeout"
        />
      </SimpleGrid>
      <ColorInput label="Color" value={draft.color} onChange={(v) => set('color', v)} format="hex" swatches={Object.values(environmentColors)} />
      {test.data && <TestResultView result={test.data} />}
      {test.error && <ErrorAlert error={test.error} />}
      {save.error && <KeychainErrorAlert error={save.error} sessionOnlyLabel="Save for this session only" onSessionOnly={() => submit(true)} />}
      <Group justify="space-between">
        <Button variant="default" loading={test.isPending}
          onClick={() => test.mutate({ ...(editing ? { id: editing.id } : {}), profile: draft, ...(password ? { password } : {}) })}>
          Test connection
        </Button>
        <Group gap="xs">
          <Button variant="subtle" onClick={onDone}>Cancel</Button>
          <Button loading={save.isPending} onClick={() => submit(sessionOnly)}>Save</Button>
        </Group>
      </Group>
    </Stack>
  );
}
