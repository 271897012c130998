/**
 * Course Tracker, step 2: a course's episodes, and what a user writes and keeps about them.
 */

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = (pgm) => {
  pgm.createTable('episodes', {
    id: 'id',
    course_id: { type: 'integer', notNull: true, references: 'courses(id)', onDelete: 'CASCADE' },
    title: { type: 'varchar(255)', notNull: true },
    position: { type: 'integer', notNull: true },
    duration_seconds: { type: 'integer', check: 'duration_seconds >= 0' },
    video_url: { type: 'text' },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('episodes', 'uq_episodes_course_position', { unique: ['course_id', 'position'] });

  pgm.createTable('notes', {
    id: 'id',
    user_id: { type: 'uuid', notNull: true, references: 'users(id)', onDelete: 'CASCADE' },
    episode_id: { type: 'integer', notNull: true, references: 'episodes(id)', onDelete: 'CASCADE' },
    body: { type: 'text', notNull: true },
    timestamp_seconds: { type: 'integer', notNull: true, default: 0 },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    updated_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.createIndex('notes', ['user_id', 'episode_id']);

  pgm.createTable('favorites', {
    id: 'id',
    user_id: { type: 'uuid', notNull: true, references: 'users(id)', onDelete: 'CASCADE' },
    episode_id: { type: 'integer', notNull: true, references: 'episodes(id)', onDelete: 'CASCADE' },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
  });
  pgm.addConstraint('favorites', 'uq_favorites_user_episode', { unique: ['user_id', 'episode_id'] });
  pgm.createIndex('favorites', 'episode_id');
};

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.down = (pgm) => {
  pgm.dropTable('favorites');
  pgm.dropTable('notes');
  pgm.dropTable('episodes');
};
