import { connect } from 'node:net';

/**
 * On Linux keytar talks to the Secret Service over the D-Bus session bus. If the bus socket
 * exists but never answers (a stale DBUS_SESSION_BUS_ADDRESS from another login, a wedged
 * daemon), libsecret waits forever and the stuck native thread even blocks process exit.
 * So before keytar's first call we do the first step of the D-Bus handshake ourselves, with a
 * timeout: the daemon answers an AUTH line at once. Returns 'silent' only when it did not answer;
 * 'unknown' for transports we do not check (tcp, autolaunch) and for other platforms.
 */
export async function checkSessionBus(env: NodeJS.ProcessEnv = process.env, timeoutMs = 1_000): Promise<'answers' | 'silent' | 'unknown'> {
  if (process.platform === 'darwin' || process.platform === 'win32') return 'unknown';
  const socketPath = unixSocketOf(env.DBUS_SESSION_BUS_ADDRESS ?? '');
  if (!socketPath) return 'unknown';
  return new Promise((resolve) => {
    const socket = connect({ path: socketPath });
    const finish = (result: 'answers' | 'silent' | 'unknown') => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish('silent'));
    // No socket at all: keytar itself fails fast with a clear message, let it report that.
    socket.once('error', () => finish('unknown'));
    socket.once('connect', () => socket.write('\0AUTH\r\n'));
    socket.once('data', () => finish('answers'));
  });
}

/** The first `unix:path=` or `unix:abstract=` entry of a D-Bus address list. */
function unixSocketOf(address: string): string | undefined {
  for (const entry of address.split(';')) {
    const [transport, params = ''] = entry.split(/:(.*)/s);
    if (transport !== 'unix') continue;
    for (const pair of params.split(',')) {
      const [key, value = ''] = pair.split('=');
      const decoded = decodeURIComponent(value);
      if (key === 'path') return decoded;
      if (key === 'abstract') return `\0${decoded}`;
    }
  }
  return undefined;
}
