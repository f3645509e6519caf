import type { StaffMember } from '../../staff/staff-repository.js'
import { ROLES } from '../../staff/policy.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

export function StaffList(props: {
  ctx: AdminContext
  staff: StaffMember[]
  problems: string[]
  notice?: string | undefined
  values: { email: string; name: string; role: string }
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Staff">
      <h1>Staff</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Scroll label="Staff accounts">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {props.staff.map((s) => (
              <tr>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>{s.role}</td>
                <td>
                  {s.disabledAt ? (
                    `Disabled ${s.disabledAt.toISOString().slice(0, 10)}`
                  ) : s.id === props.ctx.staff?.id ? (
                    'You'
                  ) : (
                    <form method="post" action={`/admin/staff/${s.id}/disable`}>
                      <input type="hidden" name="_csrf" value={props.ctx.csrf} />
                      <button class="secondary" type="submit">
                        Disable
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <h2>Add a staff member</h2>
      <Problems problems={props.problems} />
      <form method="post" action="/admin/staff">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" required value={props.values.name} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required value={props.values.email} />
        <label for="role">Role</label>
        <select id="role" name="role">
          {ROLES.map((r) => (
            <option value={r} selected={props.values.role === r}>
              {r}
            </option>
          ))}
        </select>
        <label for="password">
          First password{' '}
          <span class="hint">
            (leave empty to email them a link to choose their own; otherwise at least 12 characters,
            told in person)
          </span>
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={12}
        />
        <p>
          <button type="submit">Add</button>
        </p>
      </form>
    </AdminLayout>
  )
}
