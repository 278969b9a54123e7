// `pnpm size`: fails (exit 1) when any entry of the size table is over budget or cannot be built.
import { measureSizes, printSizeTable } from './sizes.js';

const results = await measureSizes();
printSizeTable(results);
if (results.some((result) => !result.ok)) {
  console.error('\nsize: budget exceeded or entry not buildable');
  process.exit(1);
}
