// How long a platform waited for its answer: from the request's arrival on Lederrum's server to
// the last byte of the answer (for Slack and Teams, the ack), observed per kind of request.
// Mounted in front of an adapter's routes; the kind is read once the answer is out, when the
// adapter has parsed the body. A live stream (the playground's feed) is not a request that
// waits for an answer, and is not observed.
import type { Request, RequestHandler } from 'express';

export function timeRequests(observe: (kind: string, seconds: number) => void, kindOf: (req: Request) => string): RequestHandler {
  return (req, res, next) => {
    const arrived = process.hrtime.bigint();
    res.once('finish', () => {
      if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
      observe(kindOf(req), Number(process.hrtime.bigint() - arrived) / 1e9);
    });
    next();
  };
}
