// `npm run bench`: every figure beside a baseline measured in the same run, and the ratio.
// Results go to bench/results.json. Not part of `npm test`.
import { printFigures, writeResults, type Figure } from './harness';
import { campaignsSuite } from './suites/campaigns';
import { packagesSuite } from './suites/packages';
import { registrySuite } from './suites/registry';
import { resultsSuite } from './suites/results';
import { rpcSuite } from './suites/rpc';
import { scoringSuite } from './suites/scoring';

const suites: [string, () => Promise<Figure[]>][] = [
  ['rpc', rpcSuite],
  ['registry', registrySuite],
  ['campaigns', campaignsSuite],
  ['scoring', scoringSuite],
  ['results', resultsSuite],
  ['packages', packagesSuite],
];
const only = process.argv[2];

const figures: Figure[] = [];
for (const [name, run] of suites) {
  if (only && only !== name) continue;
  figures.push(...(await run()));
}
printFigures(figures);
writeResults(figures);
console.log('\nwritten bench/results.json');
