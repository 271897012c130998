import { useState } from 'react';
import { Button, Center, Group, Loader, MultiSelect, Pagination, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { historyDoors, historyOperations, historyResults, type HistoryDoor, type HistoryOperation, type HistoryResult } from '../../../src-main/contract';
import { downloadFile } from '../../lib/downloadFile';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { studio } from '../../lib/studio';
import { useStudioEvents } from '../../lib/useStudioEvents';
import { HistoryEntryRow } from './HistoryEntryRow';
import { historyKey } from './historyKey';
import { PageHeader } from '../../lib/PageHeader';

const pageSize = 50;

/** The audit log: every operation on a database from any door, searchable, filtered, paged, exportable. */
export function HistoryPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [operations, setOperations] = useState<string[]>([]);
  const [doors, setDoors] = useState<string[]>([]);
  const [results, setResults] = useState<string[]>([]);
  const [page, setPage] = useState(1);

  const filter = {
    ...(debouncedSearch.trim() ? { search: debouncedSearch.trim() } : {}),
    ...(operations.length ? { operations: operations as HistoryOperation[] } : {}),
    ...(doors.length ? { doors: doors as HistoryDoor[] } : {}),
    ...(results.length ? { results: results as HistoryResult[] } : {}),
  };
  const list = useQuery({
    queryKey: [...historyKey, filter, page],
    queryFn: () => studio.history.list({ ...filter, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  // Backups and restores end outside a run: refresh on their events too.
  useStudioEvents((event) => {
    if (event.type === 'backup-finished' || event.type === 'restore-finished' || event.type === 'rollback-finished' || event.type === 'run-finished') void list.refetch();
  });
  const exportHistory = useMutation({
    mutationFn: (format: 'json' | 'csv') => studio.history.export({ ...filter, format }),
    onSuccess: (file) => downloadFile(file.fileName, file.content, file.mimeType),
  });
  const onFilter = (set: (v: string[]) => void) => (value: string[]) => {
    set(value);
    setPage(1);
  };

  const total = list.data?.total ?? 0;
  return (
    <ScrollArea h="100%" data-testid="history-page">
      <Stack p="md" gap="md">
        <PageHeader
          title="History"
          description="Every operation on a database, from the app, the command line and the API: who, where, what, and the SQL it ran."
          actions={
            <Group gap="xs">
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportHistory.isPending && exportHistory.variables === 'json'} onClick={() => exportHistory.mutate('json')}>Export JSON</Button>
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportHistory.isPending && exportHistory.variables === 'csv'} onClick={() => exportHistory.mutate('csv')}>Export CSV</Button>
            </Group>
          }
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="migration, message, SQL, user…" leftSection={<IconSearch size={14} />} value={search} w={280}
            onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} data-testid="history-search" />
          <MultiSelect label="Operation" data={[...historyOperations]} value={operations} onChange={onFilter(setOperations)} clearable w={240} placeholder="any" data-testid="history-filter-operation" />
          <MultiSelect label="Door" data={[...historyDoors]} value={doors} onChange={onFilter(setDoors)} clearable w={200} placeholder="any" />
          <MultiSelect label="Result" data={[...historyResults]} value={results} onChange={onFilter(setResults)} clearable w={200} placeholder="any" data-testid="history-filter-result" />
        </Group>
        {list.isPending && <Center py="xl"><Loader size="sm" /></Center>}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && (
          <>
            <Text size="sm" c="dimmed" data-testid="history-total">{total} operation{total === 1 ? '' : 's'}{Object.keys(filter).length ? ' match' : ''}</Text>
            <ScrollArea type="auto">
              <Table verticalSpacing={6} miw={980} data-testid="history-table">
                <Table.Thead>
                  <Table.Tr><Table.Th /><Table.Th w={180}>When</Table.Th><Table.Th w={180}>Operation</Table.Th><Table.Th w={100}>Result</Table.Th><Table.Th w={140}>Door · who</Table.Th><Table.Th>Connection</Table.Th><Table.Th>What</Table.Th><Table.Th w={80} ta="right">Took</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.entries.map((entry) => <HistoryEntryRow key={entry.id} entry={entry} />)}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} size="sm" />}
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
