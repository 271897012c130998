import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Badge } from '@mantine/core';
import type { ErdTable } from './erdGraph';
import classes from './Erd.module.css';

export type TableNodeType = Node<{ table: ErdTable; focused: boolean }, 'table'>;

/** A table in the ERD: its name, then each column with PK / FK marks. Click opens it (see ErdCanvas). */
export const TableNode = memo(function TableNode({ data }: NodeProps<TableNodeType>) {
  const { table, focused } = data;
  return (
    <div className={classes.node} data-focused={focused || undefined} data-testid="erd-node" data-table={table.id}>
      {/* Referenced tables sit above (layout direction UP): a foreign key leaves from the top, arrives at the bottom. */}
      <Handle type="source" position={Position.Top} className={classes.handle} isConnectable={false} />
      <Handle type="target" position={Position.Bottom} className={classes.handle} isConnectable={false} />
      <div className={classes.header} title={table.id}>
        <span className={classes.schema}>{table.schema}.</span>
        <span className={classes.tableName}>{table.name}</span>
      </div>
      <ul className={classes.columns}>
        {table.columns.map((column) => (
          <li key={column.name} className={classes.column}>
            <span className={classes.keys}>
              {column.primaryKey && <Badge size="xs" variant="filled" color="yellow" c="dark.9" title="primary key">PK</Badge>}
              {column.foreignKey && <Badge size="xs" variant="light" color="blue" title="foreign key">FK</Badge>}
            </span>
            <span className={classes.columnName} data-not-null={column.notNull || undefined}>{column.name}</span>
            <span className={classes.columnType}>{column.type}</span>
          </li>
        ))}
        {table.columns.length === 0 && <li className={classes.column}><span className={classes.columnType}>no columns</span></li>}
      </ul>
    </div>
  );
});
