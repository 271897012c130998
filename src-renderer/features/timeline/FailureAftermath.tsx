import { Code, List, Stack, Text } from '@mantine/core';
import type { CommandChanges, MigrationFailure } from '../../../src-main/contract';

const isUnchanged = ({ recorded, unrecorded, schema }: CommandChanges) =>
  recorded.length + unrecorded.length + schema.added.length + schema.removed.length + schema.altered.length === 0;

function Items({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (!items.length) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={0}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </div>
  );
}

/**
 * What a failed command left in the database, as the engine found it after the rollback: migrations
 * committed behind the transaction's back, objects a noTransaction migration created, the SQL to undo
 * them. Says "nothing was changed" only when the engine checked it.
 */
export function FailureAftermath({ failure, rehearsal }: { failure: MigrationFailure; rehearsal: boolean }) {
  const { changes, outsideTransaction } = failure;
  if (!changes) {
    return (
      <Text size="sm" c="orange" data-testid="failure-aftermath">
        The database could not be checked after the failure: look at the timeline before going on.
      </Text>
    );
  }
  if (isUnchanged(changes)) {
    return (
      <Text size="sm" c="dimmed" data-testid="failure-aftermath">
        {rehearsal ? 'Found by a rehearsal: nothing was changed on the database (checked).' : 'The whole command was rolled back: the database is unchanged (checked).'}
      </Text>
    );
  }
  const { schema } = outsideTransaction ? { schema: outsideTransaction.leftovers } : changes;
  return (
    <Stack gap={6} data-testid="failure-aftermath">
      <Text size="sm" fw={600} c="orange">
        {failure.endedTransaction
          ? 'This migration ended the transaction itself (COMMIT or ROLLBACK in its SQL): what ran outside the transaction stays.'
          : outsideTransaction
            ? `This migration ran outside a transaction and failed at its statement ${outsideTransaction.failedStatement}: what it did before stays, and it is not recorded as applied.`
            : 'Not everything was rolled back: the database differs from before.'}
      </Text>
      <Items title="Recorded as applied now" items={changes.recorded} testId="aftermath-recorded" />
      <Items title="No longer recorded as applied" items={changes.unrecorded} testId="aftermath-unrecorded" />
      <Items
        title={outsideTransaction ? 'Left by this migration' : 'Schema changes that stayed'}
        items={[...schema.added.map((o) => `added ${o}`), ...schema.removed.map((o) => `removed ${o}`), ...schema.altered.map((o) => `altered ${o}`)]}
        testId="aftermath-schema"
      />
      {outsideTransaction && outsideTransaction.undo.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            To undo it by hand (review first)
          </Text>
          <Code block data-testid="aftermath-undo">
            {outsideTransaction.undo.join('\n')}
          </Code>
        </div>
      )}
      {outsideTransaction && (
        <div>
          <Text size="sm" fw={600}>
            Or, once you finished it by hand, record it
          </Text>
          <Code block data-testid="aftermath-record">
            {outsideTransaction.record}
          </Code>
        </div>
      )}
    </Stack>
  );
}
