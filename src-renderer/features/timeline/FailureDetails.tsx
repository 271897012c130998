import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { MigrationFailure } from '../../../src-main/contract';
import { FailureAftermath } from './FailureAftermath';

/** Where in the statement PostgreSQL stopped: a few characters either side of `position`. */
function excerptAt(statement: string, position: number): { before: string; at: string; after: string } {
  const index = Math.max(0, Math.min(statement.length - 1, position - 1));
  const start = Math.max(0, index - 60);
  return {
    before: (start > 0 ? '…' : '') + statement.slice(start, index),
    at: statement.slice(index, index + 1) || ' ',
    after: statement.slice(index + 1, index + 60) + (index + 60 < statement.length ? '…' : ''),
  };
}

/** The PostgreSQL error, inline on the failing migration: message, SQLSTATE, position, hint. */
export function FailureDetails({ failure, rehearsal = false }: { failure: MigrationFailure; rehearsal?: boolean }) {
  const excerpt = failure.statement && failure.position ? excerptAt(failure.statement, failure.position) : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={failure.message} data-testid="migration-failure" py="xs">
      <Stack gap={4}>
        <Group gap="md">
          {failure.pgCode && (
            <Text size="sm">
              SQLSTATE <Code data-testid="failure-sqlstate">{failure.pgCode}</Code>
            </Text>
          )}
          {failure.position !== undefined && <Text size="sm">at character {failure.position}</Text>}
        </Group>
        {excerpt && (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {excerpt.before}
            <mark>{excerpt.at}</mark>
            {excerpt.after}
          </Code>
        )}
        {failure.hint && (
          <Text size="sm" data-testid="failure-hint">
            <strong>What to do:</strong> {failure.hint}
          </Text>
        )}
        <FailureAftermath failure={failure} rehearsal={rehearsal} />
      </Stack>
    </Alert>
  );
}
