import { type Kysely, sql } from 'kysely'

// Frozen in time: this file must not import application code.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? 'bigint' : 'integer'
  const id = (t: string) =>
    db.schema
      .createTable(t)
      .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )

  await id('section')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await id('author')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()

  await id('agency')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .execute()

  await id('topic')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await id('image')
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await id('article')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('section_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('kicker', 'text')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('draft', 'review', 'scheduled', 'published', 'unpublished')`),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('lead_image_id', pg ? 'bigint' : 'integer', (c) =>
      c.references('image.id').onDelete('set null'),
    )
    .addColumn('published_at', time)
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_status_published')
    .on('article')
    .columns(['status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('article_section_published')
    .on('article')
    .columns(['section_id', 'status', 'published_at'])
    .execute()

  await db.schema
    .createTable('article_credit')
    .addColumn('article_id', pg ? 'bigint' : 'integer', (c) =>
      c.notNull().references('article.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('author', 'guest', 'agency')`))
    .addColumn('author_id', pg ? 'bigint' : 'integer', (c) => c.references('author.id'))
    .addColumn('agency_id', pg ? 'bigint' : 'integer', (c) => c.references('agency.id'))
    .addColumn('name', 'text')
    // The article's publication time, or null while it is a draft: copied here so an author's
    // page reads its newest stories straight off an index.
    .addColumn('published_at', time)
    .addPrimaryKeyConstraint('article_credit_pk', ['article_id', 'position'])
    .addCheckConstraint(
      'article_credit_one_party',
      sql`(kind = 'author' and author_id is not null) or (kind = 'agency' and agency_id is not null) or (kind = 'guest' and name is not null)`,
    )
    .execute()
  await db.schema
    .createIndex('article_credit_author')
    .on('article_credit')
    .columns(['author_id', 'published_at', 'article_id'])
    .execute()

  await db.schema
    .createTable('article_topic')
    .addColumn('article_id', pg ? 'bigint' : 'integer', (c) =>
      c.notNull().references('article.id').onDelete('cascade'),
    )
    .addColumn('topic_id', pg ? 'bigint' : 'integer', (c) =>
      c.notNull().references('topic.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    // As on article_credit: a topic's newest stories come straight off (topic_id, published_at).
    .addColumn('published_at', time)
    .addPrimaryKeyConstraint('article_topic_pk', ['article_id', 'topic_id'])
    .execute()
  await db.schema
    .createIndex('article_topic_topic')
    .on('article_topic')
    .columns(['topic_id', 'published_at', 'article_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'article_topic',
    'article_credit',
    'article',
    'image',
    'topic',
    'agency',
    'author',
    'section',
  ]) {
    await db.schema.dropTable(t).execute()
  }
}
