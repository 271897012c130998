import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Box, Center, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileChangedOnDiskDetail } from '../../../src-main/contract';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { notifyError } from '../../lib/notifyError';
import { connectionTarget, queryKeys, useCurrentConnection, useMigrationStatus } from '../../lib/queries';
import { studio } from '../../lib/studio';
import { EditorWorkspace, type WorkspaceActions } from './EditorWorkspace';
import { fileDocument, type MigrationDocument } from './migrationDocument';
import { MigrationPicker } from './MigrationPicker';
import { NewMigrationModal, type NewMigrationDraft } from './NewMigrationModal';

/** The query parameter that names the open migration: #/editor?migration=NAME (the timeline links to it). */
export const openMigrationParameter = 'migration';

/** The Editor section: pick or start a migration, write it with the engine's checks beside it. */
export function EditorPage() {
  const queryClient = useQueryClient();
  const connections = useCurrentConnection();
  const connectionId = connections.currentId;
  const status = useMigrationStatus(connectionId, connections.isSuccess);
  const [params, setParams] = useSearchParams();
  const openName = params.get(openMigrationParameter);
  const [draft, setDraft] = useState<MigrationDocument | null>(null);
  const [newOpened, setNewOpened] = useState(false);
  // A reload from disk replaces the text Monaco owns: a new revision remounts it.
  const [reloaded, setReloaded] = useState<{ name: string; document: MigrationDocument } | null>(null);

  const source = useQuery({
    queryKey: ['migrations', 'source', connectionId, openName],
    queryFn: () => studio.migrations.source({ ...connectionTarget(connectionId), name: openName as string }),
    enabled: openName !== null && draft === null,
    staleTime: Infinity,
    gcTime: 0,
  });

  const fileDoc = reloaded && reloaded.name === openName ? reloaded.document : source.data ? fileDocument(source.data) : null;
  const document = draft ?? fileDoc;

  const afterWrite = async (name: string) => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
    setReloaded(null);
    setDraft(null);
    setParams({ [openMigrationParameter]: name });
  };

  const write = useMutation({
    mutationFn: async ({ content, expectedSha256 }: { content: string; expectedSha256?: string }) => {
      if (!document) throw new Error('Nothing is open.');
      if (document.kind === 'draft') {
        const created = await studio.migrations.create({ name: document.name, language: document.language as 'js' | 'ts' | 'sql', content });
        return { name: created.name };
      }
      const saved = await studio.migrations.save({ ...connectionTarget(connectionId), name: document.name, content, expectedSha256: expectedSha256 ?? document.sha256 });
      const revision = document.revision;
      setReloaded({ name: saved.name, document: { ...document, baseline: content, sha256: saved.sha256, revision } });
      return { name: saved.name, saved: true };
    },
    onSuccess: async (result) => {
      if (!('saved' in result)) await afterWrite(result.name);
      else await queryClient.invalidateQueries({ queryKey: queryKeys.migrations });
    },
    // file-changed-on-disk is answered in the workspace (reload or compare), not as a notification.
    meta: { inlineErrors: true },
  });

  const actions: WorkspaceActions = {
    saving: write.isPending,
    async save(content, expectedSha256) {
      await write.mutateAsync({ content, expectedSha256 }).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'file-changed-on-disk') notifyError(error);
        throw error;
      });
    },
    reload(theirs: FileChangedOnDiskDetail) {
      if (document?.kind !== 'file') return;
      setReloaded({ name: document.name, document: { ...document, baseline: theirs.content, sha256: theirs.sha256, revision: document.revision + 1 } });
    },
  };

  const startDraft = ({ name, language, content }: NewMigrationDraft) => {
    setNewOpened(false);
    setReloaded(null);
    setDraft({ kind: 'draft', name, language, baseline: content, revision: Date.now() });
  };

  return (
    <Box h="100%" style={{ display: 'flex', minHeight: 0 }} data-testid="editor-page">
      <MigrationPicker
        migrations={status.data?.migrations ?? []}
        openName={draft ? null : openName}
        onOpen={(name) => { setDraft(null); setReloaded(null); setParams({ [openMigrationParameter]: name }); }}
        onNew={() => setNewOpened(true)}
      />
      <Box style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
        {document && <EditorWorkspace key={`${document.kind}:${document.name}`} document={document} connectionId={connectionId} actions={actions} />}
        {!document && source.isFetching && <Center h="100%"><Loader size="sm" /></Center>}
        {!document && source.isError && <Box p="md"><ErrorAlert error={source.error} testId="source-error" /></Box>}
        {!document && !source.isFetching && !source.isError && (
          <Center h="100%">
            <Stack gap={4} align="center">
              <Text fw={600}>No migration open</Text>
              <Text size="sm" c="dimmed">Start a new one, or open a pending migration on the left.</Text>
            </Stack>
          </Center>
        )}
      </Box>
      <NewMigrationModal opened={newOpened} onClose={() => setNewOpened(false)} onStart={startDraft} />
    </Box>
  );
}
