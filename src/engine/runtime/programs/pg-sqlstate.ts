// SQLSTATE codes for the SQL model's errors. The model reports PostgreSQL's messages word for
// word, so the code follows from the message: clients branch on the code (pg's error.code,
// psycopg's pgcode), never on the text, which is why it must be the one PostgreSQL sends.
const CODES: [RegExp, string][] = [
  [/^syntax error|^unterminated quoted|^INSERT has more expressions|^SELECT \* with no tables|^cannot insert multiple commands/, "42601"],
  [/^prepared statement ".*" does not exist/, "26000"],
  [/^portal ".*" does not exist/, "34000"],
  [/^unrecognized configuration parameter/, "42704"],
  [/^relation ".*" does not exist|^table ".*" does not exist/, "42P01"],
  [/^relation ".*" already exists/, "42P07"],
  [/^column .* does not exist/, "42703"],
  [/^type ".*" does not exist/, "42704"],
  [/^(function|operator) .* does not exist/, "42883"],
  [/^database ".*" does not exist/, "3D000"],
  [/^database ".*" already exists/, "42P04"],
  [/^role ".*" already exists/, "42710"],
  [/^role ".*" does not exist/, "28000"],
  [/^duplicate key value violates unique constraint/, "23505"],
  [/^null value in column .* violates not-null constraint/, "23502"],
  [/^invalid input syntax for type/, "22P02"],
  [/^division by zero/, "22012"],
  [/^cannot drop the currently open database/, "55006"],
  [/^current transaction is aborted/, "25P02"],
  [/^password authentication failed/, "28P01"],
  [/is not supported by the playground/, "0A000"],
];

/** The SQLSTATE PostgreSQL sends with this message; XX000 (internal_error) when unknown. */
export function sqlState(message: string): string {
  return CODES.find(([pattern]) => pattern.test(message))?.[1] ?? "XX000";
}
