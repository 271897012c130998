import { request as httpRequest } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control of Host and Origin (fetch forbids setting Host). Test helper. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Collect SSE `data:` messages until `done` says stop. */
export async function readEvents<T>(body: ReadableStream<Uint8Array>, done: (events: T[]) => boolean, onOpen: () => Promise<void>): Promise<T[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: T[] = [];
  let buffer = '';
  let opening: Promise<void> | undefined;
  try {
    while (!done(events)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) {
        if (message.startsWith('data: ')) events.push(JSON.parse(message.slice('data: '.length)) as T);
      }
      // The first chunk (": subscribed") means the subscription is live: start what emits events.
      opening ??= onOpen();
    }
  } finally {
    await reader.cancel();
  }
  await opening;
  return events;
}
