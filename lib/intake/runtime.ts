/**
 * The one place the review screen gets its drafter and the database-backed context from.
 * The screen depends only on the contract (lib/intake/types.ts); a different drafter (a
 * model-based one, say) is swapped in here, in one line.
 */
import "server-only";

import { RuleDrafter } from "@/lib/intake/drafter";
import type { Drafter } from "@/lib/intake/types";

export const defaultDrafter: Drafter = new RuleDrafter();
export { enrichDrafts, loadDraftContext } from "@/lib/intake/context";
