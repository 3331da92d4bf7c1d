// `npm run verify -- <web root or URL> [--config <file>] [--interface <file>] [--json] [--lang de|en]`:
// checks a deployed drop-in in Debian's Chromium (verifyDeployment.ts). Exit codes: 0 all checks
// passed, 1 a check failed, 2 wrong usage, 3 the page could not be checked, 4 the tool failed.
import { runVerify } from './verifyDeployment';

runVerify(process.argv.slice(2), {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
}).then(
    code => process.exit(code),
    () => process.exit(4),
);
