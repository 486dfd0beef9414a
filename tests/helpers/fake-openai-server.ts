import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server does with one request. */
export type ScriptedResponse = {
  status: number;
  headers?: Record<string, string>;
  body: string;
  /** Wait this long before sending the headers (a slow endpoint). */
  delayMs?: number;
  /** Send the headers at once but the body only after this long (a stalled stream). */
  bodyDelayMs?: number;
};

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body (a chat completions request). */
  body: ChatCompletionRequest;
  at: number;
};

export type ChatCompletionRequest = {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: unknown } };
  [key: string]: unknown;
};

export type FakeOpenAIServer = {
  /** Pass as the SDK's baseURL (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues responses, used in order; once empty, `fallback` answers (a 500 unless replaced). */
  enqueue(...responses: ScriptedResponse[]): void;
  fallback: ScriptedResponse;
  /** When set, answers any request it returns a response for, before the queue (for several callers at once). */
  route?: (body: ChatCompletionRequest) => ScriptedResponse | undefined;
  close(): Promise<void>;
};

/** A chat completion whose first choice carries `content` (an object is JSON-encoded). */
export function completion(content: string | object, extra: { refusal?: string } = {}): ScriptedResponse {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const body = {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_764_460_800,
    model: 'fake-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: extra.refusal ?? null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** An error response in OpenAI's error shape. */
export function httpError(status: number, headers: Record<string, string> = {}): ScriptedResponse {
  const body = JSON.stringify({ error: { message: `fake ${status}`, type: 'fake_error', code: null } });
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** Starts the fake on 127.0.0.1 with a free port; every test gets its own. */
export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const fake: Omit<FakeOpenAIServer, 'baseURL' | 'close'> = {
    requests,
    enqueue: (...responses) => queue.push(...responses),
    fallback: httpError(500),
  };

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        send(res, httpError(404));
        return;
      }
      requests.push({
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: JSON.parse(raw) as ChatCompletionRequest,
        at: Date.now(),
      });
      const body = requests[requests.length - 1]?.body as ChatCompletionRequest;
      const response = fake.route?.(body) ?? queue.shift() ?? fake.fallback;
      later(response.delayMs ?? 0, () => {
        if (response.bodyDelayMs === undefined) {
          send(res, response);
          return;
        }
        res.writeHead(response.status, response.headers);
        res.flushHeaders();
        later(response.bodyDelayMs, () => res.end(response.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(fake, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

function send(res: ServerResponse, response: ScriptedResponse): void {
  if (res.destroyed) {
    return;
  }
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
