import type { CatalogReader } from './readSnapshot';

/** A reader that counts the queries it passes on: the browser and the bench report the count. */
export function countingReader(reader: CatalogReader): CatalogReader & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    query: (sql, values) => {
      count += 1;
      return reader.query(sql, values);
    },
  };
}
