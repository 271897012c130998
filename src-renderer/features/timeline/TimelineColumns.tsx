import { Text } from '@mantine/core';
import classes from './MigrationRow.module.css';

/** Column titles over the rows, sharing the rows' widths so they line up. */
export function TimelineColumns() {
  return (
    <div className={classes.columns} aria-hidden>
      <div className={classes.line}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.state}>State</Text>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.name}>Migration (oldest first)</Text>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.when}>Run on</Text>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.progress}>This run</Text>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.actions}>Actions</Text>
      </div>
    </div>
  );
}
