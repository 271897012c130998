import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { seedRunBodySchema, type MigrationRunResponse, type MigrationStatusResponse, type StudioErrorShape } from '../contract';
import { describeIssues, type Dispatch } from '../handlers/router';
import { roleOf, type ApiTokens, type TokenRole } from './bearerTokens';
import { sendError } from './httpErrors';
import { withRequestOrigin } from '../core/history';

export interface RateLimit {
  /** Requests per window, per token (or per IP without a valid token). Default 60. */
  max: number;
  /** Default 60 000 (one minute). */
  timeWindowMs: number;
}

const unauthorized = { code: 'auth-failed', message: 'Missing or invalid bearer token.', hint: 'Send Authorization: Bearer <token> with the read or admin token pgm-studio serve printed (or PGM_STUDIO_READ_TOKEN / PGM_STUDIO_ADMIN_TOKEN).' } as const;
const readOnly = { code: 'forbidden', message: 'The read token may only read the migration status.', hint: 'Use the admin token to run migrations.' } as const;
const bodyHint = 'Send no body to run every pending migration up, or a JSON object (Content-Type: application/json) such as {"direction": "down"}: direction "up" or "down", and optionally count (a whole number) or to (a migration name), and confirm (the database name, for a production database).';

/** Refuses a body that is not JSON before any route runs; an empty one is the seed's body-less POST. */
function nonJsonBody(contentType: string | undefined) {
  return Object.assign(new Error(`POST /api/migrations takes a JSON body (Content-Type: application/json), not ${contentType ?? 'a body without a Content-Type'}.`), { statusCode: 400 });
}

/** How a refused run is answered: the caller's mistake 400, a production run without its name 409, anything else the seed's 500. */
function statusOfRefusal(error: StudioErrorShape, namedTarget: boolean): 400 | 409 | 500 {
  if (error.code === 'invalid-input' || (error.code === 'not-found' && namedTarget)) return 400;
  if (error.code === 'confirmation-required') return 409;
  return 500;
}

/**
 * The seed's API, shape for shape: GET /api/migrations (read or admin token) and POST /api/migrations
 * (admin token) running every pending migration up, over the same handlers as the UI. POST also takes
 * an optional JSON body (seedRunBodySchema) for down, count, to, and the production confirmation.
 */
export function seedApiRoutes(dispatch: Dispatch, tokens: ApiTokens, rateLimit: RateLimit) {
  const authorize = (request: FastifyRequest, reply: FastifyReply, needed: TokenRole): boolean => {
    const role = roleOf(request, tokens);
    if (!role) {
      void sendError(reply.header('www-authenticate', 'Bearer'), 401, unauthorized);
      return false;
    }
    if (needed === 'admin' && role !== 'admin') {
      void sendError(reply, 403, readOnly);
      return false;
    }
    return true;
  };
  const config = {
    rateLimit: {
      max: rateLimit.max,
      timeWindow: rateLimit.timeWindowMs,
      // One bucket per valid token; guesses are counted per IP, so rotating wrong tokens gains nothing.
      keyGenerator: (request: FastifyRequest) => `${roleOf(request, tokens) ?? 'ip'}:${request.ip}`,
    },
  };

  return async (app: FastifyInstance) => {
    // curl -X POST -H "Content-Type: application/json" sends no body: that is the seed's body-less POST.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, undefined) : parseJson(request, String(body), done),
    );
    // Without this, text/plain (which fastify reads as a string) was ignored and everything pending ran.
    app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, undefined) : done(nonJsonBody(request.headers['content-type'])),
    );

    app.get('/api/migrations', { config }, async (request, reply) => {
      if (!authorize(request, reply, 'read')) return reply;
      const envelope = await dispatch('migrations/status', {});
      if (!envelope.ok) return sendError(reply, 500, envelope.error);
      const body: MigrationStatusResponse = { status: envelope.value as MigrationStatusResponse['status'], message: 'Migration status retrieved successfully' };
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.post('/api/migrations', { config }, async (request, reply) => {
      if (!authorize(request, reply, 'admin')) return reply;
      const parsed = seedRunBodySchema.safeParse(request.body === undefined ? { direction: 'up' } : request.body);
      if (!parsed.success) {
        const issues = describeIssues(parsed.error.issues);
        return sendError(reply, 400, { code: 'invalid-input', message: `Invalid body for POST /api/migrations: ${issues.map((i) => `${i.path}: ${i.message.replace(/\.$/, '')}`).join('; ')}. Nothing was run.`, hint: bodyHint });
      }
      const { confirm, ...selection } = parsed.data;
      // The audit log records the seed API as its own door, with the token's role as the actor.
      const origin = { door: 'seed-api' as const, actor: { kind: 'api-token' as const, role: roleOf(request, tokens) ?? 'admin' } };
      const envelope = await withRequestOrigin(origin, () => dispatch('migrations/run', { selection, ...(confirm === undefined ? {} : { confirm }) }));
      reply.header('cache-control', 'no-store');
      if (!envelope.ok) {
        const status = statusOfRefusal(envelope.error, selection.to !== undefined);
        if (status !== 500) return sendError(reply, status, envelope.error);
        return reply.code(500).send({ results: [], message: envelope.error.message, success: false, error: envelope.error });
      }
      const run = envelope.value as MigrationRunResponse;
      if (!run.success) return reply.code(500).send({ results: run.results, message: run.message, success: false, failure: run.failure });
      return reply.send({ results: run.results, message: 'Migrations executed successfully', success: true });
    });
  };
}
