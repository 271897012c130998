import { Alert, List, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { ConnectionTestResult } from '../../../src-main/contract';

export function TestResultView({ result }: { result: ConnectionTestResult }) {
  return (
    <Alert color="teal" icon={<IconPlugConnected size={18} />} title="Connected" data-testid="connection-test-result">
      <List size="sm" spacing={2}>
        <List.Item>PostgreSQL {result.serverVersion}</List.Item>
        <List.Item>Signed in as {result.currentUser}</List.Item>
        <List.Item>
          {result.canCreateInSchema ? (
            <>May create objects in schema <strong>{result.schema}</strong></>
          ) : (
            <Text span c="red" size="sm">Cannot create objects in schema {result.schema}: migrations will fail. Grant CREATE on it or use another user.</Text>
          )}
        </List.Item>
      </List>
    </Alert>
  );
}
