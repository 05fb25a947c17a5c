import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { searchActors, searchTags } from "@/lib/events/admin-queries";
import { loadExamples } from "./example-data";

beforeAll(async () => {
  await loadExamples(prisma);
});

describe("admin type-ahead", () => {
  it("finds tags and actors by what was typed", async () => {
    const tags = await searchTags("unfriendly");
    expect(tags).toContain("unfriendly states");
    expect((await searchActors("lavrov")).map((a) => a.name)).toEqual(["Sergey Lavrov"]);
  });

  it("treats LIKE wildcards and lone punctuation as text, not as match-everything", async () => {
    expect(await prisma.tag.count()).toBeGreaterThan(2);
    for (const q of ["%", "_", "%%", "-", "%_%", " % "]) {
      expect(await searchTags(q), q).toEqual([]);
      expect(await searchActors(q), q).toEqual([]);
    }
    // A wildcard inside a word matches nothing unless the text really has it.
    expect(await searchTags("unfri%ndly")).toEqual([]);
    expect(await searchActors("Lav_ov")).toEqual([]);
  });
});
