/**
 * The shared store of a deployment with more than one server, as the accounts tool uses it:
 * PostgreSQL with Prosody's own tables (mod_storage_sql: the teachers' accounts, `prosody`) and the
 * school register beside them (deploy/postgres/schema.sql). Every change is one transaction — the
 * account's password, the register's row, its version and the audit line commit together or not at
 * all — so no server ever reads half a change, and the tool needs no server to make one.
 */
import { createHash, createHmac, pbkdf2Sync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';

import { EXIT, Failure } from './accountSettings';
import type { SchoolEntry, SchoolRegister } from './schoolRegister';
import type { UsageEvent } from './usageReport';

const SCHEMA = readFileSync(join(__dirname, '..', '..', 'deploy', 'postgres', 'schema.sql'), 'utf8');

/** Prosody 0.12's internal_hashed default (mod_auth_internal_hashed `default_iteration_count`). */
const ITERATIONS = 10000;

/**
 * The account's stored form, as Prosody's internal_hashed keeps it (util/sasl/scram.lua
 * `getAuthenticationDatabaseSHA1`): SCRAM-SHA-1's stored and server keys, hex, with salt and count.
 */
export function scramAccount(password: string, salt = randomUUID(), iterations = ITERATIONS) {
    const salted = pbkdf2Sync(password, salt, iterations, 20, 'sha1');
    const clientKey = createHmac('sha1', salted).update('Client Key').digest();

    return {
        salt,
        iteration_count: iterations,
        stored_key: createHash('sha1').update(clientKey).digest('hex'),
        server_key: createHmac('sha1', salted).update('Server Key').digest('hex'),
    };
}

/** One audit line: who, what, which school, why; never a password. */
export interface AuditLine {
    readonly who: string;
    readonly action: string;
    readonly school: string;
    readonly reason?: string;
}

/** One change: the school's row, the account's new password (if any), the audit line. */
export interface Change {
    readonly id: string;
    readonly entry: SchoolEntry;
    readonly account?: { readonly host: string; readonly password: string };
    readonly audit: AuditLine;
}

/** An open connection to the store. */
export interface SharedStore {
    read(): Promise<SchoolRegister>;
    /** Whether Prosody's accounts table holds this account already. */
    hasAccount(host: string, user: string): Promise<boolean>;
    /**
     * One change in one transaction: the school's row (or none), the account's password (if given),
     * the register's version and the audit line.
     */
    change(change: Change): Promise<void>;
    /**
     * A single server's file register taken over in one transaction (its accounts move with Prosody's
     * own prosody-migrator): the schools the store does not have yet; returns how many.
     */
    importRegister(register: SchoolRegister, who: string): Promise<number>;
    /** The usage events of every server since a time (seconds). */
    usage(since: number): Promise<UsageEvent[]>;
    close(): Promise<void>;
}

/** The store's failures as the admin's messages. */
function failure(error: unknown, key: 'storeUnreachable' | 'storeFailed' | 'storeNotReady'): Failure {
    return new Failure(EXIT.server, key, { detail: error instanceof Error ? error.message : String(error) });
}

/** The register as the store holds it. */
async function readRegister(db: Client): Promise<SchoolRegister> {
    const { rows } = await db.query<{
        id: string;
        name: string;
        status: 'active' | 'blocked';
        reason: string | null;
        created: Date;
        rotated: Date;
        rotated_at: number;
    }>('SELECT id, name, status, reason, created, rotated, rotated_at FROM school_accounts');

    return {
        version: 1,
        schools: Object.fromEntries(
            rows.map(row => [
                row.id,
                {
                    name: row.name,
                    status: row.status,
                    ...(row.reason === null ? {} : { reason: row.reason }),
                    created: row.created.toISOString(),
                    rotated: row.rotated.toISOString(),
                    rotatedAt: Number(row.rotated_at),
                },
            ]),
        ),
    };
}

/** One change in one transaction (see {@link SharedStore.change}). */
async function writeChange(db: Client, { id, entry, account, audit }: Change): Promise<void> {
    try {
        await db.query('BEGIN');
        await db.query(
            `INSERT INTO school_accounts (id, name, status, reason, created, rotated, rotated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
                 reason = EXCLUDED.reason, rotated = EXCLUDED.rotated, rotated_at = EXCLUDED.rotated_at`,
            [id, entry.name, entry.status, entry.reason ?? null, entry.created, entry.rotated, entry.rotatedAt],
        );
        if (account) {
            const stored = scramAccount(account.password);

            await db.query('DELETE FROM prosody WHERE host = $1 AND "user" = $2 AND store = $3', [
                account.host,
                id,
                'accounts',
            ]);
            for (const [key, value] of Object.entries(stored)) {
                await db.query(
                    'INSERT INTO prosody (host, "user", store, key, type, value) VALUES ($1, $2, $3, $4, $5, $6)',
                    [account.host, id, 'accounts', key, typeof value === 'number' ? 'number' : 'string', String(value)],
                );
            }
        }
        await db.query('UPDATE school_register_state SET version = version + 1 WHERE id = 1');
        await db.query('INSERT INTO school_audit (who, action, school, reason) VALUES ($1, $2, $3, $4)', [
            audit.who,
            audit.action,
            audit.school,
            audit.reason ?? null,
        ]);
        await db.query('COMMIT');
    } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw failure(error, /relation "prosody" does not exist/.test(String(error)) ? 'storeNotReady' : 'storeFailed');
    }
}

/** See {@link SharedStore.importRegister}. */
async function importRegister(db: Client, register: SchoolRegister, who: string): Promise<number> {
    const present = await readRegister(db);
    const missing = Object.entries(register.schools).filter(([id]) => !present.schools[id]);

    try {
        await db.query('BEGIN');
        for (const [id, entry] of missing) {
            await db.query(
                `INSERT INTO school_accounts (id, name, status, reason, created, rotated, rotated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
                [id, entry.name, entry.status, entry.reason ?? null, entry.created, entry.rotated, entry.rotatedAt],
            );
            await db.query('INSERT INTO school_audit (who, action, school, reason) VALUES ($1, $2, $3, $4)', [
                who,
                'import',
                id,
                entry.reason ?? null,
            ]);
        }
        await db.query('UPDATE school_register_state SET version = version + 1 WHERE id = 1');
        await db.query('COMMIT');
    } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw failure(error, 'storeFailed');
    }

    return missing.length;
}

/**
 * Connects to the store and makes sure the register's tables exist (the schema can run again).
 *
 * @param {string} url - `postgres://user:password@host:port/database`.
 * @returns {Promise<SharedStore>}
 * @throws {Failure} When the store cannot be reached: nothing was changed.
 */
export async function openSharedStore(url: string): Promise<SharedStore> {
    // Bounded: an unreachable store is an answer within seconds, never a hang.
    const db = new Client({ connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: 10000 });

    db.on('error', () => undefined);
    try {
        await db.connect();
        await db.query(SCHEMA);
    } catch (error) {
        await db.end().catch(() => undefined);
        throw failure(error, 'storeUnreachable');
    }

    return {
        read: () => readRegister(db),
        async hasAccount(host, user) {
            try {
                const { rowCount } = await db.query(
                    'SELECT 1 FROM prosody WHERE host = $1 AND "user" = $2 AND store = $3 LIMIT 1',
                    [host, user, 'accounts'],
                );

                return (rowCount ?? 0) > 0;
            } catch (error) {
                throw failure(error, 'storeNotReady');
            }
        },
        change: change => writeChange(db, change),
        importRegister: (register, who) => importRegister(db, register, who),
        async usage(since) {
            const { rows } = await db.query<{
                t: string;
                school: string;
                event: 'login' | 'opened';
                open: number | null;
            }>('SELECT t, school, event, open FROM school_usage WHERE t >= $1 ORDER BY t', [Math.floor(since)]);

            return rows.map(row => ({
                t: Number(row.t),
                school: row.school,
                event: row.event,
                ...(row.open === null ? {} : { open: row.open }),
            }));
        },
        close: () => db.end(),
    };
}
