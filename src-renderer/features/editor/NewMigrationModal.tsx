import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  fillMigrationTemplate, migrationNameExamples, migrationTemplates, newMigrationNameProblem, vagueNameWarnings,
  type MigrationTemplateId, type newMigrationLanguageList,
} from '../../../src-main/contract';

type NewLanguage = (typeof newMigrationLanguageList)[number];

export interface NewMigrationDraft {
  name: string;
  language: NewLanguage;
  content: string;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * A new migration: a name checked as the engine checks it (with the seed's examples), a language
 * and a template. It opens as a draft; "Create" writes it to the migrations folder.
 */
export function NewMigrationModal({ opened, onClose, onStart }: { opened: boolean; onClose(): void; onStart(draft: NewMigrationDraft): void }) {
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<NewLanguage>('js');
  const [templateId, setTemplateId] = useState<MigrationTemplateId>('create-table');
  const [table, setTable] = useState('');
  const template = migrationTemplates.find((t) => t.id === templateId);
  const problem = name === '' ? null : newMigrationNameProblem(name);
  const warnings = name === '' || problem ? [] : vagueNameWarnings(name);
  const tableProblem = template?.needsTable && table !== '' && !identifier.test(table) ? 'A plain SQL identifier: letters, digits, _ and $.' : null;
  const ready = name !== '' && !problem && !(template?.needsTable && (table === '' || tableProblem));

  const start = () => {
    if (!ready) return;
    onStart({ name, language, content: fillMigrationTemplate(templateId, language, template?.needsTable ? table : undefined) });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New migration" size="lg">
      <form onSubmit={(e) => { e.preventDefault(); start(); }}>
        <Stack gap="md">
          <TextInput
            label="Name"
            data-autofocus
            placeholder="add_email_index_to_users"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problem}
            description={`What changes and where. Good: ${migrationNameExamples.good.join(', ')}. Vague: ${migrationNameExamples.vague.join(', ')}.`}
            data-testid="new-migration-name"
          />
          {warnings.map((w) => <Text key={w} size="sm" c="orange" data-testid="name-warning">{w}</Text>)}
          <Stack gap={4}>
            <Text size="sm" fw={500}>Language</Text>
            <SegmentedControl value={language} onChange={(v) => setLanguage(v as NewLanguage)} data={[{ value: 'js', label: 'JavaScript' }, { value: 'ts', label: 'TypeScript' }, { value: 'sql', label: 'SQL' }]} />
          </Stack>
          <Select
            label="Template"
            data-testid="new-migration-template"
            value={templateId}
            allowDeselect={false}
            onChange={(v) => v && setTemplateId(v as MigrationTemplateId)}
            data={migrationTemplates.map((t) => ({ value: t.id, label: t.title }))}
            description={template?.description}
          />
          {template?.needsTable && (
            <TextInput label="Table" placeholder="users" value={table} onChange={(e) => setTable(e.currentTarget.value)} error={tableProblem} data-testid="new-migration-table" />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={!ready}>Open in the editor</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
