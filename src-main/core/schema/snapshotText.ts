import type { SchemaSnapshot } from '../../contract';
import { describeSchemaObject } from './schemaObjectKey';

/**
 * A stable text rendering of a snapshot, one object per line with its properties indented under it,
 * in the snapshot's own order: two renderings diff line by line (a side-by-side diff editor).
 */
export function snapshotText(snapshot: SchemaSnapshot): string {
  const lines: string[] = [];
  for (const object of snapshot.objects) {
    lines.push(describeSchemaObject(object));
    for (const key of Object.keys(object.properties).sort()) lines.push(`    ${key.replace(/_/g, ' ')}: ${String(object.properties[key])}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
