/**
 * Fixed messages shown after a redirect (`?notice=trashed`). Only known codes are shown,
 * so a crafted link cannot put words on an admin page.
 */
const NOTICES: Record<string, { text: string; kind: "ok" | "problem" }> = {
  trashed: { text: "The event is in the trash. It is hidden from the public; an admin can restore it.", kind: "ok" },
  restored: { text: "The event is restored from the trash.", kind: "ok" },
  purged: { text: "The event is deleted for good. Its revision history is kept.", kind: "ok" },
  reverted: { text: "The event is back to the chosen revision (recorded as a new revision).", kind: "ok" },
  "reverted-partly": {
    text: "The event is back to the chosen revision, except for links or actors that no longer exist.",
    kind: "ok",
  },
  stale: { text: "Someone else changed this event meanwhile, so nothing was done. Check the latest version and try again.", kind: "problem" },
  gone: { text: "That no longer exists.", kind: "problem" },
  refused: { text: "That change is not possible in the event's current state (for example, it is in the trash).", kind: "problem" },
  "confirm-purge": { text: "Tick the confirmation box to delete the event for good.", kind: "problem" },
  "role-changed": { text: "The role is changed.", kind: "ok" },
  disabled: { text: "The account is disabled and signed out everywhere.", kind: "ok" },
  enabled: { text: "The account is enabled again.", kind: "ok" },
  revoked: { text: "The account is signed out everywhere.", kind: "ok" },
  "last-admin": { text: "Not done: there must always be at least one active admin.", kind: "problem" },
  self: { text: "You cannot disable your own account.", kind: "problem" },
  expired: { text: "That article's review has expired (intakes are kept for a day) and was removed. Paste the article again.", kind: "problem" },
  missing: { text: "That article's review does not exist (it may have expired). Paste the article again.", kind: "problem" },
  "intake-stale": { text: "This review was changed in another window meanwhile, so nothing was done. The page now shows the latest state; check it and try again.", kind: "problem" },
  busy: { text: "The database is busy with an import; try again in a few seconds. Nothing was changed.", kind: "problem" },
  unknown: { text: "That button is not known; nothing was done.", kind: "problem" },
};

export function Notice({ code }: { code: string | string[] | undefined }) {
  const notice = typeof code === "string" ? NOTICES[code] : undefined;
  if (!notice) return null;
  return (
    <p className={notice.kind === "ok" ? "notice notice--ok" : "notice"} role={notice.kind === "ok" ? "status" : "alert"}>
      {notice.text}
    </p>
  );
}
