// A plain table (column names + rows) and its CSV text (RFC 4180, via csv-stringify).
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null;

export interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}

export function tableToCsv(table: Table): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))], { record_delimiter: "\n" });
}
