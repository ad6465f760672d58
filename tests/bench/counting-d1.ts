/** A D1 binding that counts round trips: each batch, and each statement run on its own, is one. */
export function countingD1(db: D1Database): { db: D1Database; roundTrips: () => number; reset: () => void } {
  let count = 0;
  const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, prop, receiver) {
        if (prop === 'bind') return (...values: unknown[]) => wrapStatement(target.bind(...values));
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          return (...args: unknown[]) => {
            count += 1;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return (query: string) => wrapStatement(target.prepare(query));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          count += 1;
          return target.batch(statements);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: counted, roundTrips: () => count, reset: () => (count = 0) };
}
