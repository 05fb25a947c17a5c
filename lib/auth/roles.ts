import type { UserRole } from "@/lib/events/vocabulary";

/** Admins can do everything editors can. */
export function hasRole(role: string, required: UserRole): boolean {
  if (required === "editor") return role === "editor" || role === "admin";
  return role === "admin";
}
