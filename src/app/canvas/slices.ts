/**
 * Work spread over short tasks (the "no more than 200 ms of the page's work at a time" at 10,000 papers): a
 * clock to tell when a slice's time is up and to run the next slice in a task of its own, and the slice length.
 */

export interface SliceClock {
  now(): number;
  /** Runs `fn` in a task of its own, soon; returns a cancel function. */
  later(fn: () => void): () => void;
}

/** JavaScript per slice: well under a 50 ms long task, with room for the browser's own work between slices. */
export const SLICE_MS = 12;
/** Items handled between two looks at the clock. */
export const CHECK_EVERY = 256;

/** A task of its own without setTimeout's 4 ms clamp after a few nested calls. */
export function messageClock(): SliceClock {
  return {
    now: () => performance.now(),
    later: (fn) => {
      const channel = new MessageChannel();
      let live = true;
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (live) fn();
      };
      channel.port2.postMessage(null);
      return () => {
        live = false;
        channel.port1.close();
      };
    },
  };
}

/**
 * Runs `work` now and then in later tasks until it says it is finished. `work` does a bounded step per call of
 * `timeUp` and stops when that says the slice's time is up (true: finished). `done(atOnce)` follows the last slice;
 * atOnce when the first one did everything. Returns a function that cancels what has not run yet.
 */
export function runSliced(work: (timeUp: () => boolean) => boolean, done: (atOnce: boolean) => void, clock: SliceClock = messageClock(), sliceMs = SLICE_MS): () => void {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const slice = () => {
    const start = clock.now();
    let n = 0;
    return work(() => ++n % CHECK_EVERY === 0 && clock.now() - start >= sliceMs);
  };
  const next = () => {
    cancel = clock.later(() => {
      cancel = null;
      if (stopped) return;
      if (slice()) done(false);
      else next();
    });
  };
  if (slice()) done(true);
  else next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
