import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { environments, type ConnectionSummary, type Environment } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { queryKeys } from '../../lib/queries';
import { KeychainErrorAlert } from './KeychainErrorAlert';

interface ImportRequest {
  url: string;
  name?: string;
  environment: Environment;
  sessionOnly: boolean;
}

/** The engine parses the URL and keeps its password in the keychain, or in memory for this session only. */
function importUrl(request: ImportRequest): Promise<ConnectionSummary> {
  return studio.connections.importUrl({ url: request.url, environment: request.environment, ...(request.name ? { name: request.name } : {}), ...(request.sessionOnly ? { sessionOnly: true } : {}) });
}

/** Paste a DATABASE_URL: the engine splits it into a profile and moves the password to the keychain. */
export function ImportUrlForm({ keychainAvailable, onDone }: { keychainAvailable: boolean; onDone(): void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<Environment>('development');
  const queryClient = useQueryClient();
  const importing = useMutation({
    mutationFn: importUrl,
    meta: { inlineErrors: true },
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: `Connection “${saved.name}” imported.` });
      onDone();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
  const submit = (sessionOnly: boolean) => importing.mutate({ url: url.trim(), environment, sessionOnly, ...(name.trim() ? { name: name.trim() } : {}) });

  return (
    <Stack gap="sm" data-testid="import-url-form">
      <Text fw={600}>Import from DATABASE_URL</Text>
      <TextInput label="DATABASE_URL" placeholder="postgres://user:password@host:5432/database" value={url} onChange={(e) => setUrl(e.currentTarget.value)}
        type="password" autoComplete="off" description={keychainAvailable ? 'The password moves to the OS keychain; it is never shown again.' : 'No OS keychain is available: the password can be kept for this session only.'} data-autofocus />
      <TextInput label="Name (optional)" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <div>
        <Text size="sm" fw={500} mb={4} id="import-environment-label">Environment</Text>
        <SegmentedControl aria-labelledby="import-environment-label" fullWidth data={[...environments]} value={environment} onChange={(v) => setEnvironment(v as Environment)} />
      </div>
      {importing.error && <KeychainErrorAlert error={importing.error} sessionOnlyLabel="Import for this session only" onSessionOnly={() => submit(true)} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="subtle" onClick={onDone}>Cancel</Button>
        <Button loading={importing.isPending} disabled={!url.trim()} onClick={() => submit(false)}>Import</Button>
      </Group>
    </Stack>
  );
}
