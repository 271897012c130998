import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../handlers/eventBus';

const heartbeatMs = 15_000;

/** GET /events: Server-Sent Events, one `data: <StudioEvent JSON>` message per event. */
export function eventStreamRoutes(events: EventBus) {
  return async (app: FastifyInstance) => {
    const open = new Set<ServerResponse>();
    // Open streams never end on their own: end them so close() does not wait for the browser.
    app.addHook('preClose', async () => {
      for (const stream of open) stream.end();
    });
    app.get('/events', (request, reply) => {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      // A first comment tells the client the subscription is live.
      stream.write(': subscribed\n\n');
      const unsubscribe = events.subscribe((event) => stream.write(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), heartbeatMs);
      open.add(stream);
      request.raw.on('close', () => {
        unsubscribe();
        clearInterval(heartbeat);
        open.delete(stream);
      });
    });
  };
}
