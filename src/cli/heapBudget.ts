import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// V8 lets the old generation grow to several times what is live before a full collection. A
// streamed import makes garbage as fast as it reads (each sheet parsed twice), so its peak RSS
// grew with the file although what it keeps stays flat (100k claims: 330 MB without this, 265 MB
// with it). `--expose-gc` set at run time gives a new context the `gc` function.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Heap in use above which a streamed import collects (what it keeps is about 40 MB). */
const HEAP_BUDGET_BYTES = 96 * 1024 * 1024;
const CHECK_EVERY = 16;
let calls = 0;

/** Runs a full collection when the heap is over budget, checked every CHECK_EVERY calls (one per sheet read). */
export function keepHeapInBudget(): void {
  calls += 1;
  if (calls % CHECK_EVERY === 0 && getHeapStatistics().used_heap_size > HEAP_BUDGET_BYTES) collect();
}
