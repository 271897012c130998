import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serverOffersSsl, sslOptionFor } from './sslConfig';

/** A TCP server that answers PostgreSQL's SSLRequest with one byte (or hangs up), counting connections. */
async function sslAnswering(reply: 'S' | 'N' | 'hang up'): Promise<{ port: number; connections: () => number; server: Server }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.once('data', () => (reply === 'hang up' ? socket.destroy() : socket.end(reply)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, connections: () => connections, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe('sslmode=prefer asks the server once', () => {
  it('answers from the server and shares one probe between callers of the same host and port', async () => {
    const offering = await sslAnswering('S');
    const plain = await sslAnswering('N');
    servers.push(offering.server, plain.server);
    const answers = await Promise.all([serverOffersSsl('127.0.0.1', offering.port), serverOffersSsl('127.0.0.1', offering.port), serverOffersSsl('127.0.0.1', plain.port)]);
    expect(answers).toEqual([true, true, false]);
    expect(await sslOptionFor('prefer', '127.0.0.1', offering.port)).toEqual({ rejectUnauthorized: false });
    expect(await sslOptionFor('prefer', '127.0.0.1', plain.port)).toBe(false);
    expect([offering.connections(), plain.connections()]).toEqual([1, 1]);
  });

  it('keeps no non-answer: a server that hangs up is asked again next time', async () => {
    const hangingUp = await sslAnswering('hang up');
    servers.push(hangingUp.server);
    expect(await serverOffersSsl('127.0.0.1', hangingUp.port)).toBe(false);
    expect(await serverOffersSsl('127.0.0.1', hangingUp.port)).toBe(false);
    expect(hangingUp.connections()).toBe(2);
  });
});
