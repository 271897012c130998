import type { TableDetail } from '../../contract';
import type { CatalogReader } from './readSnapshot';

/** One relation as psql's `\d+` shows it, plus its reconstructed DDL. */
export async function readTableDetail(reader: CatalogReader, schema: string, name: string): Promise<TableDetail> {
  void reader; void schema; void name;
  throw new Error('not implemented yet');
}
