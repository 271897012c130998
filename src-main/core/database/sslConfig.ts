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
 */
export function serverOffersSsl(host: string, port: number, timeoutMs = 5_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (offers: boolean) => {
      socket.destroy();
      resolve(offers);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(sslRequest));
    socket.once('data', (data) => finish(data[0] === 0x53));
  });
}
