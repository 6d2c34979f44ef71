import { Prisma } from "../generated/prisma/client";

/**
 * A one-row relation that turns off `synchronous_commit` for the transaction of the statement that
 * reads it: that statement's commit returns without waiting for its WAL to reach the disk (the WAL
 * writer flushes it within ~3 × wal_writer_delay, 600 ms by default). Only for writes that are worth
 * losing on a PostgreSQL crash rather than waiting on the disk for: a heartbeat's lastSeenAt, which the
 * next heartbeat writes again. A crash loses at most the last such commits, never one that an ordinary
 * commit after them made durable (WAL is flushed in order), and the setting ends with the transaction,
 * so the pooled connection goes back as it was.
 *
 * Read it in FROM (`FROM ${relaxedCommit} relaxed, …`) so it is evaluated whatever else the statement
 * returns; a statement that writes nothing commits without a flush anyway.
 */
export const relaxedCommit = Prisma.sql`(SELECT set_config('synchronous_commit', 'off', true) AS "synchronousCommit")`;
