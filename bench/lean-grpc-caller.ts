// A lean gRPC caller for load generation: one HTTP/2 session per caller, each request framed by
// hand, the answer decoded with the service's own generated (de)serializers. grpc-js's client spends
// about as much CPU per call as the server does; on a 2-core machine that also runs the server, that
// cost would show up as server latency. A trading platform's callers run on their own machines.
import http2 from 'node:http2';
import type { grpc } from '@yikatong/platform';

const MESSAGE_PREFIX_BYTES = 5;

export class LeanUnaryCaller {
  private readonly session: http2.ClientHttp2Session;

  constructor(
    address: string,
    private readonly service: grpc.ServiceClientConstructor,
    private readonly token: string,
  ) {
    this.session = http2.connect(`http://${address}`);
  }

  call<TResponse>(method: string, request: unknown, deadlineSeconds = 5): Promise<TResponse> {
    const definition = this.service.service[method];
    if (!definition) throw new Error(`no gRPC method ${method}`);
    const message = definition.requestSerialize(request);
    const frame = Buffer.allocUnsafe(MESSAGE_PREFIX_BYTES + message.length);
    frame.writeUInt8(0, 0);
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, MESSAGE_PREFIX_BYTES);
    return new Promise<TResponse>((resolve, reject) => {
      const stream = this.session.request({
        ':method': 'POST',
        ':path': definition.path,
        'content-type': 'application/grpc',
        te: 'trailers',
        'grpc-timeout': `${deadlineSeconds}S`,
        authorization: `Bearer ${this.token}`,
      });
      const chunks: Buffer[] = [];
      let status: string | undefined;
      let details = '';
      const readStatus = (headers: http2.IncomingHttpHeaders) => {
        if (headers['grpc-status'] === undefined) return;
        status = String(headers['grpc-status']);
        details = decodeURIComponent(String(headers['grpc-message'] ?? ''));
      };
      stream.on('response', readStatus); // a trailers-only answer carries its status in the headers
      stream.on('trailers', readStatus);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        if (status !== '0') return reject(new Error(`gRPC status ${status ?? 'missing'}: ${details}`));
        const body = Buffer.concat(chunks);
        resolve(definition.responseDeserialize(body.subarray(MESSAGE_PREFIX_BYTES, MESSAGE_PREFIX_BYTES + body.readUInt32BE(1))) as TResponse);
      });
      stream.end(frame);
    });
  }

  close(): void {
    this.session.close();
  }
}
