"use client";

import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { signInAction, type SignInState } from "@/lib/auth/actions";

const INITIAL: SignInState = { message: null, errors: {}, values: { email: "" } };

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInAction, INITIAL);
  const { errors } = state;
  return (
    <form action={formAction} noValidate className="login-form">
      {state.message ? (
        <div role="alert" className="form-message form-message--error">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="field-email">Email address</label>
        <input
          id="field-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values.email}
          key={`email-${state.values.email}`}
          {...errorProps("email", errors)}
        />
        <FieldError path="email" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="field-password">Password</label>
        <input id="field-password" name="password" type="password" autoComplete="current-password" required {...errorProps("password", errors)} />
        <FieldError path="password" errors={errors} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
