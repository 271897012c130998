import type { SchemaCatalog } from '../../contract';
import type { CatalogReader } from './readSnapshot';

/** The whole database for the schema browser and the ERD, in a fixed number of catalog queries. */
export async function readCatalog(reader: CatalogReader): Promise<SchemaCatalog> {
  void reader;
  throw new Error('not implemented yet');
}
