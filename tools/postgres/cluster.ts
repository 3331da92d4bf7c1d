/**
 * A private cluster of Debian's PostgreSQL for the tests and the benchmark: the shared store of a
 * deployment with more than one server (deploy/README.md, "More than one server"). It lives in a
 * temporary folder, listens on loopback only, and is removed when stopped. PostgreSQL refuses to run
 * as root: as root (CI) it runs as the `postgres` user Debian's package creates, otherwise as the
 * current user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../net/loopback';

/** A running cluster with one database for the school accounts and one role that owns it. */
export interface RunningPostgres {
    readonly host: '127.0.0.1';
    readonly port: number;
    readonly database: string;
    readonly user: string;
    readonly password: string;
    /** `postgres://user:password@127.0.0.1:port/database`, as the accounts tool takes it. */
    readonly url: string;
    /** Runs SQL as the database's owner and returns psql's unaligned output. */
    query(sql: string): string;
    stop(): void;
}

/** Debian installs PostgreSQL's programs per major version; the newest one present. */
function binDir(): string {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).filter(name => /^\d+$/.test(name)) : [];
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];

    if (!newest) {
        throw new Error('PostgreSQL is not installed (npm run setup installs Debian’s postgresql)');
    }

    return join(root, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs as the user the cluster belongs to. */
function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
    const command = asRoot ? 'runuser' : program;
    const fullArgs = asRoot ? ['-u', 'postgres', '--', program, ...args] : [...args];
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });

    if (result.status !== 0) {
        throw new Error(
            `${program} ${args.join(' ')} failed: ${result.stderr || result.stdout || String(result.error)}`,
        );
    }

    return result.stdout;
}

/**
 * Starts a cluster and creates the database and its owner.
 *
 * @returns {Promise<RunningPostgres>}
 */
export async function startPostgres(): Promise<RunningPostgres> {
    const bin = binDir();
    const dir = mkdtempSync(join(tmpdir(), 'sp-postgres-'));
    const data = join(dir, 'data');
    const port = await freePort();
    const password = randomBytes(12).toString('hex');
    const database = 'schools';
    const user = 'prosody';

    if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());

        chownSync(dir, uid, gid);
    }
    // Local connections (the socket in the cluster's folder) trust the cluster's owner; TCP needs a password.
    run(
        join(bin, 'initdb'),
        ['-D', data, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '-U', 'postgres'],
        {
            LC_ALL: 'C.UTF-8',
        },
    );
    run(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(dir, 'postgres.log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        'start',
    ]);
    const psql = (sql: string, as: string, db: string) =>
        run(join(bin, 'psql'), [
            '-h',
            dir,
            '-p',
            String(port),
            '-U',
            as,
            '-d',
            db,
            '-v',
            'ON_ERROR_STOP=1',
            '-At',
            '-c',
            sql,
        ]);

    psql(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`, 'postgres', 'postgres');
    psql(`CREATE DATABASE ${database} OWNER ${user}`, 'postgres', 'postgres');
    writeFileSync(join(dir, 'README'), 'A test cluster of jitsi-school-policy; removed when the test ends.\n');

    return {
        host: '127.0.0.1',
        port,
        database,
        user,
        password,
        url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
        query: sql => psql(sql, user, database),
        stop() {
            try {
                run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        },
    };
}
