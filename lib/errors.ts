/**
 * What an expected failure is, for code that decides what to show: actions map a code to a
 * form message or a notice, never the message text (which is for people and may change).
 */
export type ExpectedErrorCode =
  | "invalid" // the input cannot be written as it is (a clash, a missing actor): shown against `field`
  | "not-found" // the thing to change no longer exists
  | "conflict" // someone else changed it first
  | "last-admin"; // the change would leave no admin

/** The one class of expected write failures (users, actors, events), shown to the person who asked. */
export class ExpectedError extends Error {
  constructor(
    readonly code: ExpectedErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

export function isExpectedError(error: unknown, code?: ExpectedErrorCode): error is ExpectedError {
  return error instanceof ExpectedError && (code === undefined || error.code === code);
}
