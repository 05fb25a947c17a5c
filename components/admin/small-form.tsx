"use client";

import { useActionState, type ReactNode } from "react";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/forms/action-state";

/**
 * A small admin form driven by a server action returning ActionState: shows the outcome
 * (announced to screen readers) above the fields, which receive the state to show their
 * errors and the values sent.
 */
export function SmallForm({
  action,
  className,
  label,
  children,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  className?: string;
  label: string;
  children: (state: ActionState, pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} noValidate className={className} aria-label={label}>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "notice notice--ok" : "form-message form-message--error"}>
          {state.message}
        </p>
      ) : null}
      {children(state, pending)}
    </form>
  );
}
