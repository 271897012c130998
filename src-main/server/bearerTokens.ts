import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { StudioError } from '../contract';
import { secretsMatch } from './secretComparison';

export type TokenRole = 'read' | 'admin';

export interface ApiTokens {
  read: string;
  admin: string;
  /** Which tokens were generated for this launch (to be printed once at startup). */
  generated: { read: boolean; admin: boolean };
}

/** 32 random bytes, URL-safe: the API tokens, the UI link token and the session cookie. */
export const generateToken = () => randomBytes(32).toString('base64url');

/** Tokens from the options, else PGM_STUDIO_READ_TOKEN / PGM_STUDIO_ADMIN_TOKEN, else random per launch. */
export function resolveApiTokens(given: { readToken?: string; adminToken?: string }, env: NodeJS.ProcessEnv = process.env): ApiTokens {
  const read = given.readToken ?? (env.PGM_STUDIO_READ_TOKEN || undefined);
  const admin = given.adminToken ?? (env.PGM_STUDIO_ADMIN_TOKEN || undefined);
  for (const [name, token] of [['read', read], ['admin', admin]] as const) {
    if (token !== undefined && token.trim().length < 16) {
      throw new StudioError('invalid-input', `The ${name} token is too short (at least 16 characters).`, {
        hint: `Give a longer --${name}-token (e.g. \`openssl rand -hex 32\`), or leave it out to get a random one.`,
      });
    }
  }
  if (read !== undefined && read === admin) {
    throw new StudioError('invalid-input', 'The read token and the admin token are the same.', {
      hint: 'Give two different tokens: anyone with the read token could otherwise run migrations.',
    });
  }
  return { read: read ?? generateToken(), admin: admin ?? generateToken(), generated: { read: read === undefined, admin: admin === undefined } };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The role a request's bearer token grants, or null. Both tokens are always compared (constant work). */
export function roleOf(request: FastifyRequest, tokens: ApiTokens): TokenRole | null {
  const given = bearerToken(request);
  const isAdmin = secretsMatch(given, tokens.admin);
  const isRead = secretsMatch(given, tokens.read);
  return isAdmin ? 'admin' : isRead ? 'read' : null;
}
