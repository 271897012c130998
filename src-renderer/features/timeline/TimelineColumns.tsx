import { Text } from '@mantine/core';
import classes from './MigrationRow.module.css';

const columns: [className: string | undefined, title: string][] = [
  [classes.state, 'State'],
  [classes.name, 'Migration (oldest first)'],
  [classes.when, 'Run on'],
  [classes.progress, 'This run'],
  [classes.actions, 'Actions'],
];

/** Column titles over the rows, sharing the rows' widths so they line up. */
export function TimelineColumns() {
  return (
    <div className={classes.columns} aria-hidden>
      <div className={classes.line}>
        {columns.map(([className, title]) => (
          <Text key={title} size="xs" fw={700} tt="uppercase" c="dimmed" className={className}>{title}</Text>
        ))}
      </div>
    </div>
  );
}
