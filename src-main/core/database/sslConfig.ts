import { connect } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectionProfile } from '../../contract';

type SslMode = ConnectionProfile['sslMode'];

/** pg's `ssl` option for a profile's sslMode, with libpq's meaning of each mode. */
export async function sslOptionFor(sslMode: SslMode, host: string, port: number): Promise<false | ConnectionOptions> {
  if (host.startsWith('/')) return false; // a Unix socket has no TLS
  switch (sslMode) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false }; // libpq's require: encrypted, certificate not verified
    case 'verify-full':
      return { rejectUnauthorized: true, servername: host };
    case 'prefer':
      return (await serverOffersSsl(host, port)) ? { rejectUnauthorized: false } : false;
  }
}

// PostgreSQL's SSLRequest: length 8, code 80877103. The server answers one byte, 'S' or 'N'.
const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * Ask the server whether it speaks TLS, as libpq's sslmode=prefer does (pg itself has no "prefer").
 * Any failure answers false; the real connection attempt then reports the actual problem.
 *
 * A server's answer is kept for ten seconds per host and port, and callers asking meanwhile share one
 * probe: a target is resolved several times per command (the run, its guard, its monitor, the label),
 * and each probe is a TCP connection for which PostgreSQL forks a backend. Short, because a server
 * restarted with TLS switched on or off (or another one on the port) must be asked again. No answer
 * (refused, timed out) is never kept: the next attempt asks again.
 */
export function serverOffersSsl(host: string, port: number, timeoutMs = 5_000): Promise<boolean> {
  const key = `${host}\0${port}`;
  const known = probes.get(key);
  if (known && Date.now() - known.at < probeTtlMs) return known.answer.then((offers) => offers ?? false);
  const answer = askServer(host, port, timeoutMs);
  const entry = { at: Date.now(), answer };
  probes.set(key, entry);
  void answer.then((offers) => {
    if (offers === null && probes.get(key) === entry) probes.delete(key);
  });
  return answer.then((offers) => offers ?? false);
}

const probeTtlMs = 10_000;
const probes = new Map<string, { at: number; answer: Promise<boolean | null> }>();

/** The server's one-byte answer to an SSLRequest: true 'S', false 'N', null when there was none. */
function askServer(host: string, port: number, timeoutMs: number): Promise<boolean | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (offers: boolean | null) => {
      socket.destroy();
      resolve(offers);
    };
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.once('error', () => finish(null));
    socket.once('close', () => finish(null));
    socket.once('connect', () => socket.write(sslRequest));
    socket.once('data', (data) => finish(data[0] === 0x53));
  });
}
