/** The one IPC channel studio events travel on, main -> renderer. Shared by main and the preload. */
export const studioEventChannel = 'studio:event';
