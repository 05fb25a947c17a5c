"use client";

import { errorProps, FieldError } from "@/components/admin/field-error";
import { SmallForm } from "@/components/admin/small-form";
import { createUserAction } from "@/lib/users/actions";
import { PASSWORD_MIN } from "@/lib/users/schema";

export function UserCreateForm() {
  return (
    <SmallForm action={createUserAction} className="user-form" label="Create an account">
      {(state, pending) => {
        // After a success the form starts empty; after a failure it shows what was sent (never the password).
        const v = (key: string) => (state.ok ? "" : (state.values[key] ?? ""));
        const k = state.ok ? "ok" : JSON.stringify(state.values);
        return (
          <>
            <div className="field">
              <label htmlFor="field-email">Email address</label>
              <input id="field-email" name="email" type="email" autoComplete="off" defaultValue={v("email")} key={`e-${k}`} {...errorProps("email", state.errors)} />
              <FieldError path="email" errors={state.errors} />
            </div>
            <div className="field">
              <label htmlFor="field-name">Name (optional)</label>
              <input id="field-name" name="name" defaultValue={v("name")} key={`n-${k}`} {...errorProps("name", state.errors)} />
              <FieldError path="name" errors={state.errors} />
            </div>
            <div className="field">
              <label htmlFor="field-role">Role</label>
              <select id="field-role" name="role" defaultValue={v("role") || "editor"} key={`r-${k}`} {...errorProps("role", state.errors)}>
                <option value="editor">Editor: events and actors</option>
                <option value="admin">Admin: also accounts, restore and purge</option>
              </select>
              <FieldError path="role" errors={state.errors} />
            </div>
            <div className="field">
              <label htmlFor="field-password">Initial password</label>
              <input
                id="field-password"
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={PASSWORD_MIN}
                {...errorProps("password", state.errors, "password-hint")}
              />
              <p id="password-hint" className="hint">
                At least {PASSWORD_MIN} characters. Give it to the person in a safe way; they can have it changed with{" "}
                <code>npm run user -- set-password</code>.
              </p>
              <FieldError path="password" errors={state.errors} />
            </div>
            <button type="submit" disabled={pending}>
              Create account
            </button>
          </>
        );
      }}
    </SmallForm>
  );
}
