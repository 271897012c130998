import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { sendError } from './httpErrors';

const hostHeader = (address: string, port: number) => `${address.includes(':') ? `[${address}]` : address}:${port}`.toLowerCase();

/**
 * The Host values a request may carry: loopback names and the bound host, on our port only.
 * Bound to every interface (0.0.0.0 / ::), each address of this machine counts as the bound host.
 */
export function allowedHostsFor(boundHost: string, port: number): Set<string> {
  const addresses = boundHost === '0.0.0.0' || boundHost === '::' ? Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address)) : [boundHost];
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...addresses.map((address) => hostHeader(address, port))]);
}

/**
 * DNS rebinding and cross-site requests stop here: a foreign Host or Origin gets 403 before any
 * route runs. Every response carries the CSP and the no-sniff / no-frame / no-referrer headers.
 */
export function installRequestGuards(app: FastifyInstance, allowedHosts: () => Set<string>): void {
  app.addHook('onRequest', async (request, reply) => {
    const hosts = allowedHosts();
    const host = request.headers.host?.toLowerCase();
    if (!host || !hosts.has(host)) {
      return sendError(reply, 403, { code: 'forbidden', message: 'This server only answers requests addressed to itself (foreign Host header).', hint: 'Use the http://127.0.0.1:PORT address PGM Studio printed.' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.has(origin.toLowerCase().replace(/^http:\/\//, '')) ) {
      return sendError(reply, 403, { code: 'forbidden', message: 'Requests from other web pages are refused (foreign Origin header).', hint: 'Use PGM Studio from the address it printed.' });
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    return payload;
  });
}
