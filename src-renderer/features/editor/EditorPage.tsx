import { useState } from 'react';
import { Box } from '@mantine/core';
import { CodeEditor } from './monaco/CodeEditor';

export function EditorPage() {
  const [value, setValue] = useState(`/**\n * @param pgm {import('node-pg-migrate').MigrationBuilder}\n */\nexports.up = (pgm) => {\n  \n};\n`);
  return (
    <Box h="100%" data-testid="editor-page">
      <CodeEditor path="file:///migrations/scratch.js" value={value} onChange={setValue} />
    </Box>
  );
}
