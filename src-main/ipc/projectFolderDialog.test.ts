import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ showOpenDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showOpenDialog: electron.showOpenDialog } }));

const { projectFolderPicker } = await import('./projectFolderDialog');

describe('projectFolderPicker', () => {
  beforeEach(() => electron.showOpenDialog.mockReset());

  it('asks for one folder, attached to the window, and returns it', async () => {
    const window = { id: 1 };
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/ada/course-tracker'] });
    const pick = projectFolderPicker(() => window as never);
    await expect(pick()).resolves.toBe('/home/ada/course-tracker');
    expect(electron.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory'] }));
  });

  it('returns null when the operator cancels, and works without a window', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(projectFolderPicker(() => null)()).resolves.toBeNull();
    expect(electron.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory'] }));
  });
});
