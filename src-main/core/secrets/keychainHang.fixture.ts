// Child process for keychain.test.ts. Fakes a D-Bus session bus that is broken in one of two ways:
//   silent: accepts connections and never answers (a wedged daemon);
//   stalls: answers the first handshake line, then goes quiet (gets past our pre-check, so keytar hangs).
// Prints one JSON line. In "stalls" mode it then kills itself: the stuck native keytar call would
// keep the process from exiting, which is exactly what "silent" mode must avoid.
import { createServer } from 'node:net';
import { openKeychain } from './keychain';

const [socketPath = '', mode = 'silent'] = process.argv.slice(2);
const server = createServer((socket) => {
  if (mode === 'stalls') socket.once('data', () => socket.write('REJECTED EXTERNAL\r\n'));
}).listen(socketPath);
server.unref();
process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${socketPath}`;

const keychain = openKeychain({ timeoutMs: 1_500, probeTimeoutMs: 800 });
const timed = async (work: () => Promise<unknown>) => {
  const started = Date.now();
  const outcome = await work().then((value) => ({ value }), (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }));
  return { ms: Date.now() - started, ...outcome };
};
const probe = await timed(() => keychain.isAvailable());
const save = await timed(() => keychain.set('profile-1', 'Hang-Secret-Value'));
const read = await timed(() => keychain.get('profile-1'));
process.stdout.write(`${JSON.stringify({ probe, save, read })}\n`);
server.close();
if (mode === 'stalls') process.kill(process.pid, 'SIGKILL');
