// One transaction, joined when there already is one: a store made inside a unit of work (a
// change recorded together with the messages it causes) runs on that transaction's client; its
// own transactions then join the surrounding one instead of opening a second connection's
// (which, on the embedded database's one connection, would wait for ever).
import type { PrismaClient } from './generated/client.ts';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const joinable = new WeakSet<object>();

/** The transaction's client, standing in for the whole client, for stores that join it. */
export function joining(tx: Tx): PrismaClient {
  joinable.add(tx);
  return tx as unknown as PrismaClient;
}

/** True for a client `joining` made: it is already inside a transaction. */
export function isTransaction(prisma: PrismaClient | Tx): boolean {
  return joinable.has(prisma);
}

export function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  return isTransaction(prisma) ? work(prisma as unknown as Tx) : prisma.$transaction(work);
}
