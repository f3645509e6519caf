import { staffTime } from '../../lib/time-zone.js'
import type { AuditEntry } from '../../staff/staff-repository.js'
import { type AdminContext, AdminLayout, Scroll } from './shell.js'

export function AuditLog(props: {
  ctx: AdminContext
  entries: AuditEntry[]
  next?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Audit log">
      <h1>Audit log</h1>
      <Scroll label="Audit log">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">On</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td>{staffTime(e.at, props.ctx.timeZone, { seconds: true })}</td>
                <td>{e.staffName ?? '—'}</td>
                <td>{e.action}</td>
                <td>{e.subject}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {props.next && (
        <p>
          <a href={props.next}>Older entries →</a>
        </p>
      )}
    </AdminLayout>
  )
}
