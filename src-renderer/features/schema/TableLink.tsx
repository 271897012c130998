import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { schemaTablePath } from './schemaRoutes';

/** Another table, as a link that opens it in the Schema section. Schema shown only when it differs. */
export function TableLink({ schema, name, from }: { schema: string; name: string; from?: string }) {
  return (
    <Anchor component={Link} to={schemaTablePath(schema, name)} ff="monospace" size="sm" data-testid="table-link" data-table={`${schema}.${name}`}>
      {from === schema ? name : `${schema}.${name}`}
    </Anchor>
  );
}
