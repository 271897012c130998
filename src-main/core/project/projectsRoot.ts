import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { StudioError } from '../../contract';

const outside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
};

/**
 * A folder a served UI asked to open, allowed only below `serve --projects-root`: no `..` segment,
 * and its real path (symlinks followed) inside the root's real path. A migration is code the server
 * executes, so a client must not pick any folder of the machine.
 */
export async function folderBelowRoot(projectsRoot: string, requested: string): Promise<string> {
  const hint = `Open a folder below ${projectsRoot} (the serve --projects-root), e.g. "my-app" for ${resolve(projectsRoot, 'my-app')}.`;
  if (requested.split(/[\\/]+/).includes('..')) {
    throw new StudioError('forbidden', `The folder "${requested}" climbs out with "..": only folders below the projects root may be opened.`, { hint });
  }
  const realRoot = await realpath(projectsRoot).catch(() => {
    throw new StudioError('invalid-project', `The projects root ${projectsRoot} does not exist.`, { hint: 'Restart serve with --projects-root pointing at an existing folder.' });
  });
  const wanted = resolve(realRoot, requested);
  if (outside(realRoot, wanted)) throw new StudioError('forbidden', `${wanted} is outside the projects root ${realRoot}.`, { hint });
  const real = await realpath(wanted).catch(() => {
    throw new StudioError('invalid-project', `Project folder not found: ${wanted}`, { hint });
  });
  if (outside(realRoot, real)) {
    throw new StudioError('forbidden', `${wanted} leads outside the projects root (it resolves to ${real}, through a symbolic link).`, { hint });
  }
  return real;
}
