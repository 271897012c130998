import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { StudioError } from '../contract';
import { createStudio, type StudioOptions } from '../handlers/createStudio';
import { stderrLog } from '../handlers/errorShape';
import { createRouter } from '../handlers/router';
import { resolveApiTokens } from './bearerTokens';
import { eventStreamRoutes } from './eventStream';
import { installErrorHandlers } from './httpErrors';
import { allowedHostsFor, installRequestGuards } from './requestGuards';
import { rpcRoutes } from './rpcRoutes';
import { seedApiRoutes, type RateLimit } from './seedApi';
import { createUiSession } from './uiSession';

/** The studio's own settings (data folder, project, --database-url, log), plus how to serve it. */
export interface ServerOptions extends Pick<StudioOptions, 'dataDir' | 'projectDir' | 'projectsRoot' | 'migrationsDir' | 'configFile' | 'projectOverrides' | 'databaseUrl' | 'scratchServer' | 'log'> {
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  readToken?: string;
  adminToken?: string;
  /** The built renderer (npm run build); default $PGM_STUDIO_RENDERER_DIR, else out/renderer of this package. */
  rendererDir?: string;
  rateLimit?: Partial<RateLimit>;
}

export interface RunningServer {
  /** Open this: it carries the per-launch UI token. */
  url: string;
  port: number;
  uiToken: string;
  readToken: string;
  adminToken: string;
  /** Tokens made up for this launch (no option or variable gave them): print them once. */
  generatedTokens: { read: boolean; admin: boolean };
  /** Refuses new requests, interrupts a run in progress (rolled back, its request answered), then stops. */
  close(): Promise<void>;
}

const packagedRendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const loopbackForAnyHost = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/** Server mode: the built renderer, the router over HTTP + SSE, and the seed's /api/migrations. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir ?? (process.env.PGM_STUDIO_RENDERER_DIR || packagedRendererDir));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new StudioError('not-found', `The built app is missing (no index.html in ${rendererDir}).`, { hint: 'Run npm run build, then start the server again.' });
  }
  const tokens = resolveApiTokens(options);
  const log = options.log ?? stderrLog;
  const studio = createStudio({ ...options, door: 'server', log });
  const { dispatch } = createRouter(studio.handlers, log);

  let port = 0;
  let allowedHosts = new Set<string>();
  const session = createUiSession(() => `pgm_studio_session_${port}`);
  // No request logging: URLs carry the UI token and headers carry bearer tokens. On close, idle
  // connections are dropped but a request in progress (a run) still gets its answer; the event
  // streams are ended by their own preClose hook.
  const app = Fastify({ logger: false, trustProxy: false, forceCloseConnections: 'idle' });
  let stopping = false;
  // A request that was in progress when stopping began (a run) ends its connection with its answer,
  // so close() does not wait for the client's keep-alive.
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  installErrorHandlers(app, log);
  installRequestGuards(app, () => allowedHosts);
  await app.register(fastifyCookie);
  // Answers compressed when the client asks (brotli, else gzip): a 5,000-migration status is 837 KB
  // of JSON. The UI's assets come precompressed from the build (preCompressed below); /events is
  // hijacked, so its stream is never held back by a compressor.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyRateLimit, { global: false });

  await app.register(async (ui) => {
    // The landing page checks the session itself: it is also where the printed token is exchanged.
    ui.addHook('onRequest', async (request, reply) => (request.routeOptions.url === '/' ? undefined : session.requireSession(request, reply)));
    await ui.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true, preCompressed: true });
    ui.get<{ Querystring: { token?: string } }>('/', async (request, reply) => {
      if (typeof request.query.token === 'string') return session.exchangeToken(request.query.token, reply);
      await session.requireSession(request, reply);
      if (reply.sent) return reply;
      return reply.header('cache-control', 'no-store').sendFile('index.html');
    });
    await ui.register(rpcRoutes(dispatch));
    await ui.register(eventStreamRoutes(studio.events));
  });
  await app.register(seedApiRoutes(dispatch, tokens, { max: options.rateLimit?.max ?? 60, timeWindowMs: options.rateLimit?.timeWindowMs ?? 60_000 }));

  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await studio.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new StudioError('invalid-input', `Port ${options.port} is already in use.`, { hint: 'Pick another --port, or stop the program using it.' });
    if (code === 'EACCES') throw new StudioError('invalid-input', `Not allowed to listen on port ${options.port}.`, { hint: 'Ports below 1024 need administrator rights: pick a --port above 1023 (or leave it out for a free one).' });
    if (code === 'EADDRNOTAVAIL') throw new StudioError('invalid-input', `Cannot listen on ${host}: not an address of this machine.`, { hint: 'Use --host 127.0.0.1 (the default).' });
    throw error;
  }
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  allowedHosts = allowedHostsFor(host, port);
  const urlHost = loopbackForAnyHost(host);
  return {
    url: `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}/?token=${session.token}`,
    port,
    uiToken: session.token,
    readToken: tokens.read,
    adminToken: tokens.admin,
    generatedTokens: tokens.generated,
    async close() {
      // Stop taking requests first (new ones get 503), then interrupt a run in progress: its POST or
      // RPC is answered with the rolled-back result before the server is gone.
      stopping = true;
      const stopped = app.close();
      await studio.interruptRun();
      await stopped;
      await studio.close();
    },
  };
}
