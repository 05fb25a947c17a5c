import { Notice } from "@/components/admin/notice";
import { RowAction } from "@/components/admin/row-action";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatInstantDay } from "@/lib/dates/partial-date";
import { USER_ROLES } from "@/lib/events/vocabulary";
import { revokeSessionsAction, setUserDisabledAction, setUserRoleAction } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireAdmin("/admin/users");
  const params = await searchParams;
  const users = await listUsers();

  return (
    <>
      <h1>Users</h1>
      <Notice code={params.notice} />
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.email}
                  {user.name ? <span className="note"> ({user.name})</span> : null}
                  {user.id === me.id ? <span className="note"> (you)</span> : null}
                </th>
                <td>
                  <form action={setUserRoleAction} className="inline-form">
                    <input type="hidden" name="userId" value={user.id} />
                    <label htmlFor={`role-${user.id}`} className="visually-hidden">
                      Role of {user.email}
                    </label>
                    <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                      {USER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="button--small" aria-label={`Change the role of ${user.email}`}>
                      Change
                    </button>
                  </form>
                </td>
                <td>
                  {user.disabled ? "Disabled" : "Active"}
                  {user.id !== me.id ? (
                    <RowAction
                      action={setUserDisabledAction}
                      fields={{ userId: user.id, disabled: user.disabled ? "false" : "true" }}
                      label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
                      secondary
                      inline
                    >
                      {user.disabled ? "Enable" : "Disable"}
                    </RowAction>
                  ) : null}
                </td>
                <td>{user.lastLoginAt ? formatInstantDay(user.lastLoginAt) : "never"}</td>
                <td>
                  {user.activeSessions}
                  {user.activeSessions > 0 ? (
                    <RowAction action={revokeSessionsAction} fields={{ userId: user.id }} label={`Sign ${user.email} out everywhere`} secondary inline>
                      Sign out everywhere
                    </RowAction>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-heading" className="panel">
        <h2 id="create-heading">Create an account</h2>
        <UserCreateForm />
      </section>
    </>
  );
}
