// `pnpm bench`: the SSE decoding benchmark and the bundle-size table, our sizes next to the
// alternatives, then streaming render and markdown in Chromium (apps/bench). Benchmarks never
// fail the build; `pnpm size` is the gate for sizes.

import { featureCostTable, runFeatureCosts } from './bench/featureCosts.js';
import { renderTables, runRenderBenchmark } from './bench/render.js';
import { runSizeComparison, sizeTable } from './bench/sizes.js';
import { runSSEBenchmark } from './bench/sse.js';
import { measureSizes, printSizeTable } from './sizes.js';

await runSSEBenchmark();
await (await import('./bench/proxy.js')).runProxyBenchmark();
printSizeTable(await measureSizes());
console.log(`\n${sizeTable(await runSizeComparison())}\n`);
console.log(`${featureCostTable(await runFeatureCosts())}\n`);
console.log(renderTables(await runRenderBenchmark()));
