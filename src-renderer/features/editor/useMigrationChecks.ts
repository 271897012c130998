import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import type { MigrationSourceLanguage } from '../../../src-main/contract';
import { studio } from '../../lib/studio';
import { connectionTarget } from '../../lib/queries';

/** The operator pauses this long before the preview and the checklist are worked out again. */
export const checkDebounceMs = 400;

interface Checked {
  name: string;
  language: MigrationSourceLanguage;
  content: string;
}

/**
 * The live SQL preview and the review checklist of the text being typed, debounced. Each answer is
 * for exactly the text it was asked about: while a newer one is pending, `current` is false.
 */
export function useMigrationChecks(checked: Checked, connectionId: string | null) {
  const [debounced] = useDebouncedValue(checked, checkDebounceMs);
  const preview = useQuery({
    queryKey: ['authoring', 'preview', debounced.language, debounced.content],
    queryFn: () => studio.authoring.preview({ language: debounced.language, content: debounced.content }),
    staleTime: Infinity,
    // The last answer stays on screen, dimmed, until the new one comes: no jump at every key.
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const lint = useQuery({
    queryKey: ['authoring', 'lint', connectionId, debounced.name, debounced.language, debounced.content],
    queryFn: () => studio.authoring.lint({ ...connectionTarget(connectionId), name: debounced.name, language: debounced.language, content: debounced.content, rowEstimates: true }),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const typedSince = debounced.content !== checked.content || debounced.language !== checked.language;
  return { preview, lint, current: !typedSince && !preview.isPlaceholderData };
}
