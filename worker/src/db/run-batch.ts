import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../env';

export type Statements = BatchItem<'sqlite'>[];

/** Runs statements built at run time as one D1 batch (one round trip, all or nothing); none is no trip. */
export async function runBatch(db: Db, statements: Statements): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
