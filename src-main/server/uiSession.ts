import type { FastifyReply, FastifyRequest } from 'fastify';
import { generateToken } from './bearerTokens';
import { sendError } from './httpErrors';
import { secretsMatch } from './secretComparison';

/**
 * The UI's per-launch credentials. The token travels once, in the printed URL; visiting it swaps it
 * for an HttpOnly SameSite=Strict cookie, so the renderer never sees or stores a token.
 */
export function createUiSession(cookieName: () => string) {
  const token = generateToken();
  const sessionSecret = generateToken();

  const hasSession = (request: FastifyRequest) => secretsMatch(request.cookies[cookieName()], sessionSecret);

  return {
    token,
    /** GET /?token=...: set the cookie and redirect to a clean URL (no token in history or Referer). */
    exchangeToken(given: string, reply: FastifyReply) {
      if (!secretsMatch(given, token)) {
        return sendError(reply, 401, { code: 'auth-failed', message: 'This link does not open the current PGM Studio session.', hint: 'Use the URL printed by the running pgm-studio serve (a new one is printed at every launch).' });
      }
      reply.setCookie(cookieName(), sessionSecret, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.header('cache-control', 'no-store').redirect('/', 303);
    },
    /** onRequest hook for everything behind the UI login (assets, RPC, events). */
    async requireSession(request: FastifyRequest, reply: FastifyReply) {
      if (!hasSession(request)) {
        return sendError(reply, 401, { code: 'auth-failed', message: 'This PGM Studio session is not open in this browser.', hint: 'Open the URL with ?token=... that pgm-studio serve printed.' });
      }
    },
  };
}
