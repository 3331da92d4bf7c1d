// Jest global set-up for the upstream tests: unpacks jitsi-meet's react/features sources from the
// npm package @jitsi/react-native-sdk into .cache/ (ignored by git, never committed).
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

/** The jitsi-meet sources the tests run against (the SDK carries them, web variants included). */
const SDK = '@jitsi/react-native-sdk@13.2.0';

module.exports = async () => {
    const cache = join(__dirname, '..', '..', '.cache', 'jitsi-sdk');

    if (existsSync(join(cache, 'package', 'react', 'features', 'base', 'config', 'functions.any.ts'))) {
        return;
    }
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['pack', SDK, '--pack-destination', cache, '--silent'], { stdio: 'pipe', timeout: 300000 });
    const tarball = readdirSync(cache).find(file => file.endsWith('.tgz'));

    if (!tarball) {
        throw new Error(`npm pack ${SDK} produced no tarball in ${cache}`);
    }
    execFileSync('tar', ['xzf', join(cache, tarball), '-C', cache, 'package/react', 'package/package.json'], {
        stdio: 'pipe',
    });
};
