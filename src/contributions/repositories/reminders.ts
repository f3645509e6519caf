import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** A reminder a reader asked for, as it comes back out to be sent. */
export interface DueReminder {
  email: string
  language: string
  month: string
}

/** One-off reminders readers asked for, with their consent; deleted as they are sent. */
export interface ReminderStore {
  insertReminder(r: {
    email: string
    language: string
    month: string
    consentText: string
    now: Date
  }): Promise<void>
  /**
   * Takes (deletes and returns) one reminder due by `month`. Deleting before sending means a
   * crash mid-send loses a reminder rather than sending it twice, and the address is gone
   * either way.
   */
  takeDueReminder(month: string): Promise<DueReminder | undefined>
  countReminders(): Promise<number>
}

export function createReminderStore(db: Kysely<Database>): ReminderStore {
  return {
    async insertReminder(r: {
      email: string
      language: string
      month: string
      consentText: string
      now: Date
    }): Promise<void> {
      await db
        .insertInto('contribution_reminder')
        .values({
          email: r.email,
          language: r.language,
          month: r.month,
          consent_text: r.consentText,
          consent_at: r.now.getTime(),
        })
        .execute()
    },

    /**
     * Takes (deletes and returns) one reminder due by `month`. Deleting before sending means a
     * crash mid-send loses a reminder rather than sending it twice, and the address is gone
     * either way.
     */
    async takeDueReminder(month: string) {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .selectFrom('contribution_reminder')
          .selectAll()
          .where('month', '<=', month)
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()
        if (!r) return undefined
        const gone = await tx
          .deleteFrom('contribution_reminder')
          .where('id', '=', r.id)
          .executeTakeFirst()
        return Number(gone.numDeletedRows) === 1
          ? { email: r.email, language: r.language, month: r.month }
          : undefined
      })
    },

    async countReminders(): Promise<number> {
      const r = await db
        .selectFrom('contribution_reminder')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
