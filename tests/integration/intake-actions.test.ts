/**
 * The intake's server actions as the browser calls them, with the real drafter and the
 * app's shared client: who may call them, and that a paste and an accept write what they
 * should. Next's request APIs are replaced by small stand-ins (the session cookie, and
 * redirect() throwing as it does in Next); the database is real.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const cookie = vi.hoisted(() => ({ token: null as string | null }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "demarche_session" && cookie.token ? { name, value: cookie.token } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

const { prisma } = await import("@/lib/db");
const { createSession } = await import("@/lib/auth/sessions");
const { createIntakeAction, reviewIntakeAction } = await import("@/lib/intake/actions");
const { loadExamples } = await import("./example-data");

const ARTICLE = [
  "Moscow, Friday 30 March 2018",
  "",
  "On 26 March the United States expelled 60 Russian diplomats, saying they were intelligence officers, and ordered the closure of the Russian consulate in Seattle.",
  "",
  "On Thursday, Russia expelled 60 US diplomats in retaliation for the American move and ordered the closure of the US consulate in St Petersburg.",
].join("\n");

const EMPTY_STATE = { message: null, errors: {}, values: { text: "", published: "", publisher: "", title: "", url: "" } };

function pasteForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ text: "", published: "", publisher: "", title: "", url: "", ...fields })) form.set(k, v);
  return form;
}

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error("no redirect");
}

let editorToken: string;
beforeAll(async () => {
  await loadExamples(prisma);
  const editor = await prisma.user.create({ data: { email: "intake-editor@example.org", passwordHash: "x", role: "editor" } });
  editorToken = (await createSession(prisma, editor.id)).token;
});
afterAll(async () => {
  await prisma.$disconnect();
});
beforeEach(() => {
  cookie.token = null;
});

describe("intake actions", () => {
  it("send an anonymous caller to sign in and write nothing", async () => {
    const before = { intakes: await prisma.intake.count(), events: await prisma.event.count() };
    expect(await redirectOf(() => createIntakeAction(EMPTY_STATE, pasteForm({ text: ARTICLE })))).toBe("/login?next=%2Fadmin%2Fintake");
    const review = new FormData();
    review.set("intakeId", "0".repeat(32));
    review.set("intent", "accept-checked");
    expect(await redirectOf(() => reviewIntakeAction(review))).toMatch(/^\/login/);
    cookie.token = "forged-token";
    expect(await redirectOf(() => createIntakeAction(EMPTY_STATE, pasteForm({ text: ARTICLE })))).toMatch(/^\/login/);
    expect({ intakes: await prisma.intake.count(), events: await prisma.event.count() }).toEqual(before);
  });

  it("answer bad input with field errors and everything typed, storing nothing", async () => {
    cookie.token = editorToken;
    const before = await prisma.intake.count();
    const empty = await createIntakeAction(EMPTY_STATE, pasteForm({ text: "  ", publisher: "Kept", published: "2999-01-01" }));
    expect(Object.keys(empty.errors).sort()).toEqual(["published", "text"]);
    expect(empty.values.publisher).toBe("Kept");
    const binary = await createIntakeAction(EMPTY_STATE, pasteForm({ text: "\u0000\u0001\u0002PK binary" }));
    expect(binary.errors.text?.[0]).toMatch(/binary/);
    const undated = await createIntakeAction(EMPTY_STATE, pasteForm({ text: "Russia expelled ten diplomats, the ministry said on the day." }));
    expect(undated.errors.published?.[0]).toMatch(/publication date/);
    expect(await prisma.intake.count()).toBe(before);
  });

  it("draft a pasted article with the dateline's date, and accept a draft as an event citing the article", async () => {
    cookie.token = editorToken;
    const url = "https://example.org/skripal-expulsions";
    const target = await redirectOf(() => createIntakeAction(EMPTY_STATE, pasteForm({ text: ARTICLE, title: "Russia expels 60 US diplomats", url })));
    const id = /^\/admin\/intake\/([0-9a-f]{32})$/.exec(target)?.[1];
    expect(id).toBeDefined();
    const intake = await prisma.intake.findUniqueOrThrow({ where: { id } });
    expect(intake.published).toBe("2018-03-30");
    const drafts = JSON.parse(intake.drafts) as { date: string; type: string }[];
    expect(drafts.length).toBeGreaterThanOrEqual(2);

    const before = await prisma.event.count();
    const review = new FormData();
    review.set("intakeId", id ?? "");
    review.set("version", String(intake.version));
    review.set("intent", "accept:0");
    review.set("d0.notDuplicate", "1");
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe(`/admin/intake/${id}`);
    expect(await prisma.event.count()).toBe(before + 1);
    const event = await prisma.event.findFirstOrThrow({ where: { sources: { some: { url } } }, select: { id: true, dateStart: true, status: true } });
    expect(event).toMatchObject({ dateStart: drafts[0]?.date, status: "draft" });
    expect(await prisma.extractionRecord.count({ where: { eventId: event.id } })).toBe(1);

    // The same form again is stale: nothing more is written.
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe(`/admin/intake/${id}?notice=stale`);
    expect(await prisma.event.count()).toBe(before + 1);
  });

  it("offer a recorded event as a possible duplicate, and refuse to accept it until the editor says it is new", async () => {
    cookie.token = editorToken;
    const text = [
      "Washington, Friday 16 April 2021",
      "",
      "The United States expelled 10 Russian diplomats on Thursday and imposed sanctions on Russia over the SolarWinds hack and election interference.",
    ].join("\n");
    const target = await redirectOf(() => createIntakeAction(EMPTY_STATE, pasteForm({ text })));
    const id = /^\/admin\/intake\/([0-9a-f]{32})$/.exec(target)?.[1] ?? "";
    const intake = await prisma.intake.findUniqueOrThrow({ where: { id } });
    const drafts = JSON.parse(intake.drafts) as { type: string; duplicateOf: { eventId: number }[] }[];
    const index = drafts.findIndex((d) => d.duplicateOf.length > 0);
    expect(index, "a draft of an already recorded expulsion is flagged").toBeGreaterThanOrEqual(0);
    const before = await prisma.event.count();
    const review = new FormData();
    review.set("intakeId", id);
    review.set("version", String(intake.version));
    review.set("intent", `accept:${index}`);
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe(`/admin/intake/${id}`);
    expect(await prisma.event.count()).toBe(before);
    const stored = await prisma.intake.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(stored.review).drafts[index].errors.notDuplicate).toBeDefined();
  });

  it("refuse an unknown button and a malformed intake id", async () => {
    cookie.token = editorToken;
    const review = new FormData();
    review.set("intakeId", "../../etc");
    review.set("intent", "accept:0");
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe("/admin/intake?notice=missing");
    review.set("intakeId", "a".repeat(32));
    review.set("intent", "drop");
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe(`/admin/intake/${"a".repeat(32)}?notice=unknown`);
    review.set("intent", "accept:0");
    expect(await redirectOf(() => reviewIntakeAction(review))).toBe("/admin/intake?notice=missing");
  });
});
