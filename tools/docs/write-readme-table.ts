// `npm run docs`: writes the enforcement table into README.md.
import { readFileSync, writeFileSync } from 'node:fs';

import { withEnforcementTable } from './enforcementTable';

const file = new URL('../../README.md', import.meta.url);

writeFileSync(file, withEnforcementTable(readFileSync(file, 'utf8')));
process.stdout.write('README.md: enforcement table written.\n');
