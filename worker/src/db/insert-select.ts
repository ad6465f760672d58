import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * `INSERT INTO table (every column) SELECT <expressions> <rest>`: an insert that carries its own
 * condition (the WHERE in `rest`), so D1 decides in one statement whether the row may exist.
 * Columns without an expression get NULL. Built on drizzle's insert, so it batches and returns rows.
 */
export function selectForInsert<T extends SQLiteTable>(
  table: T,
  values: Partial<Record<keyof T['_']['columns'], SQL>>,
  rest: SQL,
): SQL {
  const columns = Object.keys(getTableColumns(table)) as (keyof T['_']['columns'])[];
  const list = sql.join(
    columns.map((key) => values[key] ?? sql`NULL`),
    sql`, `,
  );
  return sql`SELECT ${list} ${rest}`;
}
