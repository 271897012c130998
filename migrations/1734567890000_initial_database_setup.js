/**
 * Course Tracker, step 1: the people and the courses they follow.
 * CommonJS in an ESM package on purpose: node-pg-migrate loads migrations through jiti, which
 * accepts `exports.up` in a .js file whatever the package "type" says.
 */

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = (pgm) => {
  pgm.createTable('users', {
    id: { type: 'uuid', primaryKey: true, default: pgm.func('gen_random_uuid()') },
    email: { type: 'varchar(255)', notNull: true, unique: true },
    display_name: { type: 'varchar(100)', notNull: true },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    updated_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });

  pgm.createTable('courses', {
    id: 'id',
    title: { type: 'varchar(255)', notNull: true },
    description: { type: 'text' },
    author: { type: 'varchar(255)' },
    is_published: { type: 'boolean', notNull: true, default: false },
    created_by: { type: 'uuid', references: 'users(id)', onDelete: 'SET NULL' },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.createIndex('courses', 'created_by');
  pgm.createIndex('courses', ['is_published', 'created_at'], { name: 'idx_courses_published_created' });
};

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.down = (pgm) => {
  pgm.dropTable('courses');
  pgm.dropTable('users');
};
