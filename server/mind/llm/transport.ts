/**
 * Every HTTP attempt of the LLM client goes through here (it is the openai client's
 * `fetch`): an attempt holds a concurrency slot (p-limit) while it is on the wire, has
 * its own deadline, and is metered. A streamed answer holds its slot and stays under
 * its deadline until its last byte, like a whole one; it is a failed attempt if its
 * body breaks off.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { APIConnectionTimeoutError } from "openai";
import type pLimit from "p-limit";
import type { UsageMeter } from "./usage";

/** p-limit's limit function: at most N tasks at once, the rest queued in order. */
export type Limiter = pLimit.Limit;

export type MeterKey = { question: string; agent?: string };

/** What the transport needs to know about the request an attempt belongs to. */
export interface RequestContext {
  /** Unset for the startup check, which is not a question of the town's. */
  key?: MeterKey;
  /** Aborting it is a caller's abort for the openai client: it then stops without a retry. */
  abort: AbortController;
  timedOut: boolean;
  /** HTTP attempts made so far (every one after the first is a retry). */
  attempts: number;
  /** True when the answer comes as a stream of server-sent events: its body is passed on as it arrives. */
  streamed: boolean;
  /**
   * Set while a streamed attempt's body is being read: its reader calls it once done,
   * saying whether it read the whole answer. The attempt then stops reading (if the
   * server has not ended it yet), and the promise resolves once the attempt has freed
   * its slot and been metered.
   */
  endStream?: (complete: boolean) => Promise<void>;
}

export interface TransportOptions {
  limiter: Limiter;
  meter: UsageMeter;
  timeoutMs: number;
  now: () => number;
}

export class Transport {
  private readonly requests = new AsyncLocalStorage<RequestContext>();

  constructor(private readonly options: TransportOptions) {}

  /**
   * Runs one openai call (with its retries) as a request the transport can see. When an
   * attempt misses its deadline, the call is aborted, so the client does not retry it,
   * and fails with a timeout (also when the call ends quietly, as a stream read does
   * once aborted).
   */
  async send<T>(key: MeterKey | undefined, call: (signal: AbortSignal, request: RequestContext) => Promise<T>, streamed = false): Promise<T> {
    const request: RequestContext = { key, abort: new AbortController(), timedOut: false, attempts: 0, streamed };
    const timeout = () => new APIConnectionTimeoutError({ message: `no answer within ${this.options.timeoutMs} ms` });
    let result: T;
    try {
      result = await this.requests.run(request, () => call(request.abort.signal, request));
    } catch (error) {
      if (request.timedOut) throw timeout();
      throw error;
    }
    if (request.timedOut) throw timeout();
    return result;
  }

  /**
   * The openai client's fetch: one HTTP attempt. It waits for a limiter slot (the waits
   * between retries hold none), then has `timeoutMs` for the whole response, body
   * included, and is metered as a request (a retry when it is not the request's first).
   * The deadline is ours, not the client's `timeout`, for what that cannot do: its clock
   * runs while the attempt waits for a slot (a busy town would time out in the queue),
   * and it retries a timeout (a model too slow for a simulation step is not asked again:
   * the fail-safe answers at once).
   */
  readonly fetch = (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = this.requests.getStore();
    if (!request) return fetch(url, init);
    return new Promise<Response>((deliver, fail) => {
      this.options.limiter(() => this.attempt(url, init, request, deliver)).catch(fail);
    });
  };

  /** Holds the slot until the response is read to its end: at once for a whole answer, at the stream's end for a stream. */
  private async attempt(url: string | URL | Request, init: RequestInit, request: RequestContext, deliver: (response: Response) => void): Promise<void> {
    init.signal?.throwIfAborted();
    const started = this.options.now();
    const isRetry = request.attempts++ > 0;
    const timer = setTimeout(() => {
      request.timedOut = true;
      request.abort.abort();
    }, this.options.timeoutMs);
    let ok = false;
    let markEnded!: () => void;
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    try {
      const response = await fetch(url, init);
      if (request.streamed && response.ok && response.body) {
        const piped = passOn(response);
        let complete = false;
        request.endStream = (whole) => {
          complete = whole;
          piped.stop();
          return ended;
        };
        deliver(piped.response);
        ok = (await piped.ended) || complete;
        return;
      }
      const body = await response.arrayBuffer();
      ok = response.ok;
      const empty = body.byteLength === 0 || [101, 204, 205, 304].includes(response.status);
      deliver(new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers }));
    } finally {
      clearTimeout(timer);
      if (request.key) this.options.meter.record({ ...request.key, requests: 1, failures: ok ? 0 : 1, retries: isRetry ? 1 : 0, latencyMs: this.options.now() - started });
      markEnded();
    }
  }
}

/**
 * A response whose body is passed on chunk by chunk as it arrives; `ended`: true once
 * the body was read to its end, false when it broke off, was aborted or was stopped.
 */
function passOn(response: Response): { response: Response; ended: Promise<boolean>; stop(): void } {
  const source = (response.body as ReadableStream<Uint8Array>).getReader();
  let sink!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let stopped = false;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => void (sink = controller),
    cancel: () => void (open = false),
  });
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await source.read();
        if (done) {
          if (open) sink.close();
          return !stopped;
        }
        if (open) sink.enqueue(value);
      }
    } catch (error) {
      if (open) sink.error(error);
      return false;
    }
  })();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    source.cancel().catch(() => undefined); // a pending read then ends as done
  };
  return { response: new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }), ended, stop };
}
