// `pnpm bench`: the SSE decoding benchmark and the bundle-size table. Benchmarks never fail
// the build; `pnpm size` is the gate for sizes.
import { runSSEBenchmark } from './bench/sse.js';
import { measureSizes, printSizeTable } from './sizes.js';

await runSSEBenchmark();
printSizeTable(await measureSizes());
