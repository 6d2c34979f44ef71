/**
 * Collects the calls made in the same turn of the event loop and runs them together: `run` gets the
 * inputs in call order and returns one result per input, in the same order. Under load dozens of
 * requests reach the same statement in one turn, so one round trip can serve all of them. A failed
 * run fails every call of its batch.
 */
export function batcher<TIn, TOut>(run: (inputs: TIn[]) => Promise<TOut[]>): (input: TIn) => Promise<TOut> {
  type TCall = { input: TIn; resolve: (value: TOut) => void; reject: (error: unknown) => void };
  let queue: TCall[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    const batch = queue;
    queue = [];
    scheduled = false;
    try {
      const results = await run(batch.map((call) => call.input));
      batch.forEach((call, i) => call.resolve(results[i]!));
    } catch (error) {
      for (const call of batch) call.reject(error);
    }
  }

  return (input) =>
    new Promise<TOut>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
