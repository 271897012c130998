import { useMemo, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Divider, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { toStudioError } from '../../lib/studioError';
import type { FileChangedOnDiskDetail } from '../../../src-main/contract';
import { CodeEditor, type EditorControls, type EditorMarker } from './monaco/CodeEditor';
import { FileChangedModal } from './FileChangedModal';
import { LintPane } from './LintPane';
import { modelPath, type MigrationDocument } from './migrationDocument';
import { PreviewPane } from './PreviewPane';
import { UpDownUpPanel } from './UpDownUpPanel';
import { UnsavedChangesModal } from './UnsavedChangesModal';
import { useMigrationChecks } from './useMigrationChecks';
import { useUnsavedGuard } from './useUnsavedGuard';

export interface WorkspaceActions {
  /** Writes the text: a draft is created in the migrations folder, a file saved over itself. */
  save(content: string, expectedSha256?: string): Promise<void>;
  saving: boolean;
  /** Replaces the open document with the file as it is on disk now. */
  reload(theirs: FileChangedOnDiskDetail): void;
}

interface EditorWorkspaceProps {
  document: MigrationDocument;
  connectionId: string | null;
  actions: WorkspaceActions;
}

function isFileChanged(error: unknown): FileChangedOnDiskDetail | null {
  const shape = toStudioError(error);
  return shape.code === 'file-changed-on-disk' ? (shape.detail as FileChangedOnDiskDetail) : null;
}

/** One migration open: Monaco in the middle, its SQL, checklist and up-down-up test beside it. */
export function EditorWorkspace({ document, connectionId, actions }: EditorWorkspaceProps) {
  const [content, setContent] = useState(document.baseline);
  const [changed, setChanged] = useState<FileChangedOnDiskDetail | null>(null);
  const controls = useRef<EditorControls | null>(null);
  const readOnly = document.kind === 'file' && document.applied;
  const dirty = content !== document.baseline;
  const guard = useUnsavedGuard(dirty && !readOnly);
  const checks = useMigrationChecks({ name: document.name, language: document.language, content }, connectionId);

  const markers = useMemo(() => {
    const preview: EditorMarker[] = [];
    for (const step of [checks.preview.data?.up, checks.preview.data?.down]) {
      if (step && 'error' in step && step.error.position) preview.push({ line: step.error.position.line, column: step.error.position.column, message: step.error.message, severity: 'error' });
    }
    const lint = (checks.lint.data?.findings ?? []).flatMap((f): EditorMarker[] => (f.line === null ? [] : [{ line: f.line, message: f.message, severity: f.severity }]));
    return { preview, lint };
  }, [checks.preview.data, checks.lint.data]);

  const save = async (expectedSha256?: string) => {
    if (readOnly || actions.saving) return;
    try {
      guard.release();
      await actions.save(content, expectedSha256);
    } catch (error) {
      const theirs = isFileChanged(error);
      if (theirs) setChanged(theirs);
    } finally {
      guard.hold();
    }
  };

  const saveLabel = document.kind === 'draft' ? 'Create migration' : 'Save';
  return (
    <Stack gap={0} h="100%" style={{ minHeight: 0 }} data-testid="editor-workspace" data-document={document.kind} data-name={document.name}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text fw={600} ff="monospace" size="sm" truncate="end" data-testid="editor-title">{document.kind === 'file' ? document.file : `${document.name}.${document.language} (new)`}</Text>
          {dirty && <Badge size="sm" color="orange" variant="light" data-testid="unsaved-badge">unsaved</Badge>}
          {readOnly && <Badge size="sm" color="gray" leftSection={<IconLock size={10} />}>read-only</Badge>}
        </Group>
        {!readOnly && (
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} loading={actions.saving} disabled={document.kind === 'file' && !dirty} onClick={() => void save(document.kind === 'file' ? document.sha256 : undefined)} title="Ctrl/Cmd+S">
            {saveLabel}
          </Button>
        )}
      </Group>
      {readOnly && (
        <Alert color="yellow" mx="md" mb="xs" py={6} icon={<IconLock size={16} />} data-testid="applied-banner">
          This migration is applied. Editing it changes nothing in databases where it already ran: write a new migration instead.
        </Alert>
      )}
      <Divider />
      <Box style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        <Box style={{ flex: 1, minWidth: 0 }} data-testid="code-editor">
          <CodeEditor
            key={`${modelPath(document)}#${document.revision}`}
            path={modelPath(document)}
            value={document.baseline}
            readOnly={readOnly}
            onChange={setContent}
            onSave={() => void save(document.kind === 'file' ? document.sha256 : undefined)}
            markers={markers}
            onReady={(c) => { controls.current = c; }}
          />
        </Box>
        <ScrollArea w={440} style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }} data-testid="editor-side">
          <Stack gap="lg" p="md">
            <PreviewPane preview={checks.preview} current={checks.current} />
            <LintPane lint={checks.lint} current={checks.current} onGoToLine={(line) => controls.current?.goToLine(line)} />
            {!readOnly && <UpDownUpPanel name={document.name} language={document.language} content={content} />}
          </Stack>
        </ScrollArea>
      </Box>
      <FileChangedModal
        changed={changed}
        mine={content}
        onClose={() => setChanged(null)}
        onReload={(theirs) => { setChanged(null); setContent(theirs.content); actions.reload(theirs); }}
        onOverwrite={(theirs) => { setChanged(null); void save(theirs.sha256); }}
      />
      <UnsavedChangesModal blocker={guard.blocker} />
    </Stack>
  );
}
