import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One transcription request as the fake read it off the wire (multipart form, as the OpenAI SDK sends it). */
export type AsrRequest = {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Uint8Array } | null;
};

export type FakeAsrServer = {
  baseURL: string;
  requests: AsrRequest[];
  /** What the next requests get: a transcript, or an HTTP status to fail with. */
  answer: { text: string } | { status: number };
  close(): Promise<void>;
};

/** An OpenAI-compatible `POST /v1/audio/transcriptions` on 127.0.0.1 and a free port. */
export async function startFakeAsrServer(): Promise<FakeAsrServer> {
  const requests: AsrRequest[] = [];
  const fake = { requests, answer: { text: '' } as FakeAsrServer['answer'] };
  const server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: raw,
      })
        .formData()
        .catch(() => null);
      const fields: Record<string, string> = {};
      let file: AsrRequest['file'] = null;
      for (const [key, value] of form?.entries() ?? []) {
        if (typeof value === 'string') {
          fields[key] = value;
        } else {
          file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
        }
      }
      requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        fields,
        file,
      });
      const answer = fake.answer;
      if (req.url !== '/v1/audio/transcriptions' || 'status' in answer) {
        const status = 'status' in answer ? answer.status : 404;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `fake ${status}`, type: 'fake_error', code: null } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: answer.text }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
