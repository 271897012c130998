import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { environments, type Environment } from '../../../src-main/contract';
import { ErrorAlert } from './ErrorAlert';
import { useConnectionMutations } from './useConnectionMutations';

/** Paste a DATABASE_URL: the engine splits it into a profile and moves the password to the keychain. */
export function ImportUrlForm({ onDone }: { onDone(): void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<Environment>('development');
  const { importUrl } = useConnectionMutations();
  return (
    <Stack gap="sm" data-testid="import-url-form">
      <Text fw={600}>Import from DATABASE_URL</Text>
      <TextInput label="DATABASE_URL" placeholder="postgres://user:password@host:5432/database" value={url} onChange={(e) => setUrl(e.currentTarget.value)}
        type="password" autoComplete="off" description="The password moves to the OS keychain; it is never shown again." data-autofocus />
      <TextInput label="Name (optional)" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <div>
        <Text size="sm" fw={500} mb={4} id="import-environment-label">Environment</Text>
        <SegmentedControl aria-labelledby="import-environment-label" fullWidth data={[...environments]} value={environment} onChange={(v) => setEnvironment(v as Environment)} />
      </div>
      {importUrl.error && <ErrorAlert error={importUrl.error} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="subtle" onClick={onDone}>Cancel</Button>
        <Button loading={importUrl.isPending} disabled={!url.trim()}
          onClick={() => importUrl.mutate({ url: url.trim(), environment, ...(name.trim() ? { name: name.trim() } : {}) }, { onSuccess: onDone })}>
          Import
        </Button>
      </Group>
    </Stack>
  );
}
