import { useState, type ReactNode } from 'react';
import { Button, Table, Text } from '@mantine/core';

export interface DetailColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Monospace; wraps at spaces, breaks an identifier only when the table would overflow its scroll area (break-word keeps the min-content width). */
  code?: boolean;
  width?: number | string;
}

interface DetailTableProps<Row> {
  rows: Row[];
  columns: DetailColumn<Row>[];
  rowKey(row: Row): string;
  empty: string;
  testId: string;
}

const pageSize = 100;

/** A tab's list as a Mantine table, paged by 100 so a table with thousands of partitions stays light. */
export function DetailTable<Row>({ rows, columns, rowKey, empty, testId }: DetailTableProps<Row>) {
  const [shown, setShown] = useState(pageSize);
  if (rows.length === 0) return <Text size="sm" c="dimmed" py="sm" data-testid={`${testId}-empty`}>{empty}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>{columns.map((c) => <Table.Th key={c.header} w={c.width}>{c.header}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shown).map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => <Table.Td key={c.header} ff={c.code ? 'monospace' : undefined} style={c.code ? { overflowWrap: 'break-word' } : undefined}>{c.cell(row)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shown && (
        <Button size="xs" variant="subtle" mt="xs" onClick={() => setShown((n) => n + pageSize)}>{`Show ${Math.min(pageSize, rows.length - shown)} more of ${rows.length - shown}`}</Button>
      )}
    </>
  );
}

/** An empty cell says nothing, like psql's blank. */
export function maybe(value: string | number | null | undefined): ReactNode {
  return value === null || value === undefined || value === '' ? <Text span c="dimmed" size="sm">—</Text> : value;
}
